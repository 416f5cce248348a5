import assert from 'node:assert/strict';
import { createHmac, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, beforeEach, describe, it } from 'node:test';
import type { Merchant } from '../config.ts';
import { createFieldCipher } from '../store/field-cipher.ts';
import { openSqliteStore } from '../store/sqlite-store.ts';
import { sampleOrder } from '../store/store-contract.ts';
import type { Store } from '../store/types.ts';
import { createDeliveryWorker } from './delivery-worker.ts';
import { announceOrder } from './order-events.ts';

const SECRET = 'whsec_unit_test_secret_0123';
const merchants: Merchant[] = [
  {
    id: 'default',
    name: 'Shop',
    publishableKey: 'pk_test_x',
    secretKey: 'sk_test_x',
    allowedOrigins: [],
    providers: ['bigfix'],
    webhookUrl: 'https://shop.example/hooks',
    webhookSecret: SECRET,
  },
];
const silent = { info() {}, warn() {}, error() {} };
const folders: string[] = [];
after(() => folders.forEach((folder) => rmSync(folder, { recursive: true, force: true })));

interface Received {
  type: string;
  orderId: string;
  body: string;
  signature: string;
}

describe('event delivery worker', () => {
  let store: Store;
  let now: Date;
  let received: Received[];
  let answer: (event: Received) => number | Promise<number>;
  const worker = () =>
    createDeliveryWorker({
      store,
      merchants,
      logger: silent,
      timeoutMs: 200,
      random: () => 0.5,
      clock: () => now,
      fetch: async (_url, init) => {
        const body = String(init!.body);
        const parsed = JSON.parse(body);
        const event = {
          type: parsed.type,
          orderId: parsed.data.order.id,
          body,
          signature: (init!.headers as Record<string, string>)['Coverkit-Signature']!,
        };
        received.push(event);
        const status = await answer(event);
        return new Response('ok', { status });
      },
    });
  const advance = (ms: number) => (now = new Date(now.getTime() + ms));
  const events = async () => (await store.listEvents('default', { limit: 100 }))!.data;

  beforeEach(async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'coverkit-delivery-'));
    folders.push(folder);
    store = openSqliteStore(folder, createFieldCipher(randomBytes(32)));
    // A moment ahead of the events written next (they are due from their creation).
    now = new Date(Date.now() + 1000);
    received = [];
    answer = () => 200;
  });

  it('POSTs each event signed over its exact body, and records it delivered', async () => {
    await store.createOrder(sampleOrder('ord_sig', { metadata: { cartId: 'c_1' } }), announceOrder(merchants, 'order.created'));
    assert.equal(await worker().runOnce(), 1);
    const [event] = received;
    const { t, v1 } = Object.fromEntries(event!.signature.split(',').map((part) => part.split('='))) as { t: string; v1: string };
    assert.equal(Number(t), Math.floor(now.getTime() / 1000));
    assert.equal(v1, createHmac('sha256', SECRET).update(`${t}.${event!.body}`).digest('hex'));
    const body = JSON.parse(event!.body);
    assert.equal(body.type, 'order.created');
    assert.equal(body.livemode, false);
    assert.deepEqual(body.data.order.metadata, { cartId: 'c_1' });
    for (const personal of ['Asha', 'asha@example.com', '+9198', '490154203237518', 'secret'])
      assert.ok(!event!.body.includes(personal), personal);
    const [stored] = await events();
    assert.equal(stored?.state, 'delivered');
    assert.equal(stored?.lastStatus, 200);
    assert.equal(await worker().runOnce(), 0, 'delivered once');
  });

  it('retries a failed delivery with backoff (first retry within a minute), keeping the order’s later events waiting', async () => {
    await store.createOrder(sampleOrder('ord_r'), announceOrder(merchants, 'order.created'));
    await store.transitionOrder('ord_r', ['awaiting_payment'], { status: 'active' }, announceOrder(merchants));
    answer = () => 503;
    const delivery = worker();
    assert.equal(await delivery.runOnce(), 1);
    const first = (await events()).find((event) => event.type === 'order.created')!;
    assert.equal(first.state, 'pending');
    assert.equal(first.lastStatus, 503);
    const delay = Date.parse(first.nextAttemptAt) - now.getTime();
    assert.ok(delay >= 11_000 && delay <= 19_000, `first retry in ${delay} ms`);
    assert.equal(await delivery.runOnce(), 0, 'not due yet, and order.active waits behind it');
    advance(delay);
    answer = () => 200;
    await delivery.runOnce();
    await delivery.runOnce();
    assert.deepEqual(
      received.map((event) => event.type),
      ['order.created', 'order.created', 'order.active'],
    );
    assert.deepEqual(
      (await events()).map((event) => event.state),
      ['delivered', 'delivered'],
    );
  });

  it('counts a slow endpoint as a failed attempt once the deadline passes', async () => {
    await store.createOrder(sampleOrder('ord_slow'), announceOrder(merchants, 'order.created'));
    const slow = createDeliveryWorker({
      store,
      merchants,
      logger: silent,
      timeoutMs: 100,
      clock: () => now,
      fetch: (_url, init) =>
        new Promise((_resolve, reject) => init!.signal!.addEventListener('abort', () => reject(init!.signal!.reason), { once: true })),
    });
    const started = Date.now();
    await slow.runOnce();
    assert.ok(Date.now() - started < 2000);
    const [event] = await events();
    assert.equal(event?.state, 'pending');
    assert.equal(event?.lastError, 'TimeoutError');
  });

  it('gives an event up after its 3 days, and then tries the order’s next event (at least once)', async () => {
    await store.createOrder(sampleOrder('ord_g'), announceOrder(merchants, 'order.created'));
    await store.transitionOrder('ord_g', ['awaiting_payment'], { status: 'cancelled' }, announceOrder(merchants));
    answer = (event) => (event.type === 'order.created' ? 500 : 200);
    const delivery = worker();
    for (
      let round = 0;
      round < 40 && (await events()).some((event) => event.type === 'order.created' && event.state === 'pending');
      round += 1
    ) {
      await delivery.runOnce();
      advance(6 * 60 * 60 * 1000 + 1);
    }
    const created = (await events()).find((event) => event.type === 'order.created')!;
    assert.equal(created.state, 'failed');
    assert.ok(created.attempts >= 10 && created.attempts <= 25, `${created.attempts} attempts`);
    await delivery.runOnce();
    assert.equal((await events()).find((event) => event.type === 'order.cancelled')?.state, 'delivered');
  });

  it('announces statuses as events, and nothing for binding', async () => {
    await store.createOrder(sampleOrder('ord_s'), announceOrder(merchants, 'order.created'));
    await store.transitionOrder('ord_s', ['awaiting_payment'], { status: 'binding' }, announceOrder(merchants));
    await store.transitionOrder('ord_s', ['binding'], { status: 'pending_activation' }, announceOrder(merchants));
    await store.transitionOrder('ord_s', ['pending_activation'], { status: 'declined' }, announceOrder(merchants));
    assert.deepEqual(
      (await events()).map((event) => [event.type, JSON.parse(event.body).data.order.status]),
      [
        ['order.declined', 'declined'],
        ['order.pending', 'pending_activation'],
        ['order.created', 'awaiting_payment'],
      ],
    );
  });

  it('runs only for merchants with an endpoint; their events are kept as not sent', async () => {
    const quiet = [{ ...merchants[0]!, webhookUrl: undefined, webhookSecret: undefined }];
    await store.createOrder(sampleOrder('ord_q'), announceOrder(quiet, 'order.created'));
    const idle = createDeliveryWorker({ store, merchants: quiet, logger: silent, timeoutMs: 100 });
    assert.equal(idle.hasEndpoints, false);
    assert.equal(await idle.runOnce(), 0);
    assert.equal((await events())[0]?.state, 'not_sent');
  });
});

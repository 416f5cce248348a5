/**
 * The outbox and list suite every store engine passes: events commit with the change they
 * announce, are claimed one per order at a time under a lease, and lists page by cursor.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { sampleOrder } from './store-contract.ts';
import type { Announce, NewEvent, Store } from './types.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

function event(orderId: string, type: string, overrides: Partial<NewEvent> = {}): NewEvent {
  const createdAt = new Date().toISOString();
  return {
    id: `evt_${randomBytes(8).toString('hex')}`,
    merchantId: 'default',
    type,
    orderId,
    livemode: false,
    body: JSON.stringify({ type, orderId }),
    createdAt,
    deliver: true,
    giveUpAt: new Date(Date.now() + 3 * DAY_MS).toISOString(),
    ...overrides,
  };
}
const announce =
  (type: string, overrides: Partial<NewEvent> = {}): Announce =>
  (order) =>
    event(order.id, type, { merchantId: order.merchantId, body: JSON.stringify({ type, status: order.status }), ...overrides });

export function testOutbox(engine: string, open: () => Promise<Store>) {
  describe(`outbox contract: ${engine}`, () => {
    let store: Store;
    before(async () => (store = await open()));
    after(() => store.close());
    const claim = (owner: string, now = new Date(), leaseMs = 30_000) =>
      store.claimDueEvents({ owner, merchantIds: ['default'], now, leaseMs, limit: 50 });
    const deliver = (owner: string, id: string) =>
      store.settleEvent(id, owner, { state: 'delivered', at: new Date(), lastStatus: 200, lastError: null });

    it('writes an event with the order it announces, numbered per order, and none for a refused transition', async () => {
      await store.createOrder(sampleOrder('ord_ev1'), announce('order.created'));
      assert.ok(await store.transitionOrder('ord_ev1', ['awaiting_payment'], { status: 'binding' }, announce('order.binding')));
      assert.equal(
        await store.transitionOrder('ord_ev1', ['awaiting_payment'], { status: 'cancelled' }, announce('order.cancelled')),
        null,
      );
      const page = await store.listEvents('default', { limit: 100 });
      const mine = page!.data.filter((stored) => stored.orderId === 'ord_ev1');
      assert.deepEqual(
        mine.map((stored) => [stored.type, stored.sequence, JSON.parse(stored.body).status]),
        [
          ['order.binding', 2, 'binding'],
          ['order.created', 1, 'awaiting_payment'],
        ],
      );
      assert.equal(mine[0]!.state, 'pending');
    });

    it('rolls the change back when its event cannot be written: never one without the other', async () => {
      await store.createOrder(sampleOrder('ord_atomic'));
      const failing: Announce = () => {
        throw new Error('crash between the change and its event');
      };
      await assert.rejects(store.transitionOrder('ord_atomic', ['awaiting_payment'], { status: 'binding' }, failing));
      assert.equal((await store.getOrderById('ord_atomic'))?.status, 'awaiting_payment');
      await assert.rejects(store.createOrder(sampleOrder('ord_atomic2'), failing));
      assert.equal(await store.getOrderById('ord_atomic2'), null);
      // A duplicate event id fails the insert after the update: the update is undone too.
      const duplicate = event('ord_atomic', 'order.binding');
      await store.createOrder(sampleOrder('ord_atomic3'), () => ({ ...duplicate, orderId: 'ord_atomic3' }));
      await assert.rejects(store.transitionOrder('ord_atomic', ['awaiting_payment'], { status: 'binding' }, () => duplicate));
      assert.equal((await store.getOrderById('ord_atomic'))?.status, 'awaiting_payment');
    });

    it('claims one event per order at a time, the next only once the earlier is settled', async () => {
      for (const id of ['ord_q1', 'ord_q2']) {
        await store.createOrder(sampleOrder(id), announce('order.created'));
        await store.transitionOrder(id, ['awaiting_payment'], { status: 'binding' }, announce('order.binding'));
      }
      const drain = async () => {
        for (let round = 0; round < 10; round += 1) {
          const claimed = await claim('drain');
          if (claimed.length === 0) return;
          for (const stored of claimed) await deliver('drain', stored.id);
        }
      };
      await drain(); // events of earlier tests
      await store.createOrder(sampleOrder('ord_q3'), announce('order.created'));
      await store.transitionOrder('ord_q3', ['awaiting_payment'], { status: 'binding' }, announce('order.binding'));
      await store.createOrder(sampleOrder('ord_q4'), announce('order.created'));
      const first = await claim('a');
      assert.deepEqual(first.map((stored) => [stored.orderId, stored.type, stored.attempts]).sort(), [
        ['ord_q3', 'order.created', 1],
        ['ord_q4', 'order.created', 1],
      ]);
      assert.deepEqual(await claim('b'), [], 'leased, and the later event waits for the earlier');
      await deliver('a', first.find((stored) => stored.orderId === 'ord_q3')!.id);
      const second = await claim('b');
      assert.deepEqual(
        second.map((stored) => [stored.orderId, stored.type]),
        [['ord_q3', 'order.binding']],
      );
      await deliver('b', second[0]!.id);
      await deliver('a', first.find((stored) => stored.orderId === 'ord_q4')!.id);
    });

    it('gives an expired lease to another owner, and ignores the late settlement of the first', async () => {
      await store.createOrder(sampleOrder('ord_lease'), announce('order.created'));
      const now = new Date();
      const [taken] = await claim('dying', now, 1000);
      assert.equal(taken?.orderId, 'ord_lease');
      assert.deepEqual(await claim('other', new Date(now.getTime() + 500)), []);
      const [retaken] = await claim('other', new Date(now.getTime() + 1500));
      assert.equal(retaken?.id, taken!.id);
      assert.equal(retaken?.attempts, 2);
      await store.settleEvent(taken!.id, 'dying', {
        state: 'pending',
        at: new Date(),
        nextAttemptAt: new Date(now.getTime() + 60_000),
        lastStatus: 500,
        lastError: 'late',
      });
      assert.equal((await store.getEvent('default', taken!.id))?.leaseOwner, 'other');
      await store.settleEvent(taken!.id, 'other', {
        state: 'pending',
        at: new Date(),
        nextAttemptAt: new Date(now.getTime() + 60_000),
        lastStatus: 503,
        lastError: 'HTTP 503',
      });
      const waiting = await store.getEvent('default', taken!.id);
      assert.equal(waiting?.lastStatus, 503);
      assert.equal(waiting?.leaseOwner, null);
      assert.deepEqual(await claim('other', new Date(now.getTime() + 30_000)), [], 'not due before its next attempt');
      assert.equal((await claim('other', new Date(now.getTime() + 61_000)))[0]?.id, taken!.id);
      await store.settleEvent(taken!.id, 'other', { state: 'failed', at: new Date(), lastStatus: null, lastError: 'gave up' });
      assert.equal((await store.getEvent('default', taken!.id))?.state, 'failed');
      const resent = await store.resendEvent('default', taken!.id, new Date(), new Date(Date.now() + 3 * DAY_MS));
      assert.equal(resent?.state, 'pending');
      assert.equal(await store.resendEvent('other-merchant', taken!.id, new Date(), new Date()), null);
      assert.equal((await claim('again', new Date(now.getTime() + 61_000)))[0]?.id, taken!.id);
      await deliver('again', taken!.id);
    });

    it('lets concurrent claimers share the work without overlap, and never claims an event not to be sent', async () => {
      for (let index = 0; index < 12; index += 1) await store.createOrder(sampleOrder(`ord_c${index}`), announce('order.created'));
      await store.createOrder(sampleOrder('ord_quiet'), announce('order.created', { deliver: false }));
      await store.createOrder(sampleOrder('ord_else', { merchantId: 'elsewhere' }), announce('order.created'));
      const batches = await Promise.all(['x', 'y', 'z'].map((owner) => claim(owner)));
      const ids = batches.flat().map((stored) => stored.orderId);
      assert.equal(new Set(ids).size, ids.length, 'no event claimed twice');
      assert.deepEqual(ids.filter((id) => id.startsWith('ord_c')).sort(), Array.from({ length: 12 }, (_, index) => `ord_c${index}`).sort());
      assert.ok(!ids.includes('ord_quiet') && !ids.includes('ord_else'));
      const quiet = (await store.listEvents('default', { limit: 100 }))!.data.find((stored) => stored.orderId === 'ord_quiet');
      assert.equal(quiet?.state, 'not_sent');
    });

    it('lists orders and events newest first, by cursor, with filters, and only the merchant’s own', async () => {
      const base = Date.parse('2030-01-01T00:00:00Z');
      for (let index = 0; index < 5; index += 1) {
        const createdAt = new Date(base + index * 1000).toISOString();
        await store.createOrder(
          sampleOrder(`ord_l${index}`, {
            merchantId: 'lister',
            createdAt,
            status: index % 2 ? 'active' : 'awaiting_payment',
            metadata: { n: String(index) },
          }),
          announce(index % 2 ? 'order.active' : 'order.created', { createdAt, merchantId: 'lister' }),
        );
      }
      const first = await store.listOrders('lister', { limit: 2 });
      assert.deepEqual(
        first!.data.map((order) => order.id),
        ['ord_l4', 'ord_l3'],
      );
      assert.equal(first!.hasMore, true);
      assert.deepEqual(first!.data[0]!.metadata, { n: '4' });
      const rest = await store.listOrders('lister', { limit: 10, startingAfter: 'ord_l3' });
      assert.deepEqual(
        rest!.data.map((order) => order.id),
        ['ord_l2', 'ord_l1', 'ord_l0'],
      );
      assert.equal(rest!.hasMore, false);
      const active = await store.listOrders('lister', { limit: 10, statuses: ['active'] });
      assert.deepEqual(
        active!.data.map((order) => order.id),
        ['ord_l3', 'ord_l1'],
      );
      assert.equal(await store.listOrders('lister', { limit: 10, startingAfter: 'ord_a_missing' }), null);
      assert.equal(await store.listOrders('default', { limit: 10, startingAfter: 'ord_l3' }), null, 'another merchant’s cursor');
      assert.deepEqual((await store.listOrders('nobody', { limit: 10 }))!.data, []);

      const events = await store.listEvents('lister', { limit: 10, type: 'order.active' });
      assert.deepEqual(
        events!.data.map((stored) => stored.orderId),
        ['ord_l3', 'ord_l1'],
      );
      const after = await store.listEvents('lister', { limit: 1, startingAfter: events!.data[0]!.id });
      assert.deepEqual(
        after!.data.map((stored) => stored.orderId),
        ['ord_l2'],
      );
      assert.equal(after!.hasMore, true);
      assert.equal(await store.listEvents('default', { limit: 1, startingAfter: events!.data[0]!.id }), null);
      assert.equal((await store.getEvent('lister', events!.data[0]!.id))?.type, 'order.active');
      assert.equal(await store.getEvent('default', events!.data[0]!.id), null);
    });
  });
}

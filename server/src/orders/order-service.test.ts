import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { OrderStatus } from '../../../contract/types.ts';
import type { Config } from '../config.ts';
import { ProviderError } from '../errors.ts';
import { createLogger } from '../logger.ts';
import type { BindResult, ProviderAdapter } from '../providers/types.ts';
import { createProviderHealth, createSignerCache } from '../services.ts';
import { createFieldCipher } from '../store/field-cipher.ts';
import { openSqliteStore } from '../store/sqlite-store.ts';
import { sampleOrder } from '../store/store-contract.ts';
import type { Store } from '../store/types.ts';
import { IllegalTransition, OperationNotSupported, OrderNotFound, OrderStateConflict } from './order-errors.ts';
import { createOrderService, type OrderService } from './order-service.ts';
import { hashSecret } from './order-secrets.ts';
import {
  BOUND_STATUSES,
  CANCELLABLE_STATUSES,
  canTransition,
  COVER_STATUSES,
  FINAL_STATUSES,
  ORDER_STATUSES,
  ORDER_TRANSITIONS,
  RECONCILABLE_STATUSES,
  REFRESHABLE_STATUSES,
} from './order-transitions.ts';

const policy = { reference: 'POL1', startsAt: null, endsAt: null, activationCode: null, certificate: false };

/** A provider whose next answers the test sets. */
function fakeAdapter() {
  const next: { bind?: () => Promise<BindResult>; status?: () => Promise<BindResult | null> } = {};
  const adapter = {
    id: 'bigfix',
    displayName: 'Fake',
    mode: 'sandbox',
    bindRetrySafe: false,
    quote: async () => ({ kind: 'plans', plans: [] }),
    bind: () => next.bind!(),
    status: () => (next.status ? next.status() : Promise.resolve(null)),
  } as unknown as ProviderAdapter;
  return { adapter, next };
}

describe('order transitions', () => {
  it('moves nothing out of a final status but `failed`, and `failed` only to a retried bind or to cover confirmed late', () => {
    for (const status of FINAL_STATUSES.filter((status) => status !== 'failed'))
      assert.equal(
        ORDER_TRANSITIONS.some((transition) => transition.from === status),
        false,
        status,
      );
    const fromFailed = ORDER_TRANSITIONS.filter((transition) => transition.from === 'failed').flatMap((transition) => transition.to);
    assert.deepEqual(new Set(fromFailed), new Set(['binding', ...COVER_STATUSES]));
  });

  it('lets every non-final status move on, and reaches every status but the first', () => {
    for (const status of ORDER_STATUSES.filter((status) => !FINAL_STATUSES.includes(status)))
      assert.ok(
        ORDER_TRANSITIONS.some((transition) => transition.from === status && transition.to.some((to) => to !== status)),
        status,
      );
    const reached = new Set(ORDER_TRANSITIONS.flatMap((transition) => transition.to));
    assert.deepEqual(
      ORDER_STATUSES.filter((status) => !reached.has(status)),
      ['awaiting_payment'],
    );
  });

  it('keeps the named sets consistent with the table', () => {
    for (const status of CANCELLABLE_STATUSES) assert.ok(canTransition(status, 'cancelled'), status);
    for (const status of RECONCILABLE_STATUSES) assert.ok(!FINAL_STATUSES.includes(status), status);
    for (const status of REFRESHABLE_STATUSES) assert.ok(BOUND_STATUSES.includes(status), status);
    for (const to of ['active', 'pending', 'pending_activation', 'declined', 'failed'] as const)
      assert.ok(canTransition('binding', to), to);
    assert.ok(!canTransition('awaiting_payment', 'active'), 'a bind always passes through binding');
  });
});

describe('order service', () => {
  let folder: string;
  let store: Store;
  let service: OrderService;
  let provider: ReturnType<typeof fakeAdapter>;
  let seq = 0;

  before(() => {
    folder = mkdtempSync(path.join(tmpdir(), 'coverkit-orders-'));
    store = openSqliteStore(folder, createFieldCipher(randomBytes(32)));
    provider = fakeAdapter();
    service = createOrderService({
      config: { bindTimeoutMs: 200, quoteTimeoutMs: 200 } as Config,
      store,
      logger: createLogger({ silent: true }),
      adapters: new Map([['bigfix', provider.adapter]]),
      providerHealth: createProviderHealth(),
      bindsInFlight: new Set(),
      signerFor: createSignerCache(),
    });
  });
  after(async () => {
    await store.close();
    rmSync(folder, { recursive: true, force: true });
  });

  async function orderIn(status: OrderStatus, overrides = {}) {
    const order = sampleOrder(`ord_svc${++seq}`, { status, ...overrides });
    await store.createOrder(order);
    return order;
  }

  it('allows every edge of the table and refuses every other, leaving the order as it was', async () => {
    for (const from of ORDER_STATUSES)
      for (const to of ORDER_STATUSES) {
        const order = await orderIn(from);
        const applying = service.applyProviderEvent({ orderId: order.id, from: [from], status: to, policy });
        if (canTransition(from, to)) assert.equal((await applying)?.status, to, `${from} → ${to}`);
        else {
          await assert.rejects(applying, IllegalTransition, `${from} → ${to}`);
          assert.equal((await store.getOrderById(order.id))?.status, from);
        }
      }
  });

  it('applies a provider event only while the order is where the event expects it', async () => {
    const order = await orderIn('active');
    assert.equal(await service.applyProviderEvent({ orderId: order.id, from: ['pending', 'binding'], status: 'failed' }), null);
    assert.equal((await store.getOrderById(order.id))?.status, 'active');
  });

  it('finds an order for its secret key, or its client secret, and no one else', async () => {
    const order = await orderIn('active', { clientSecretHash: hashSecret('the-secret') });
    assert.equal((await service.find('default', order.id, { keyKind: 'secret' })).id, order.id);
    assert.equal((await service.find('default', order.id, { keyKind: 'publishable', clientSecret: 'the-secret' })).id, order.id);
    await assert.rejects(service.find('default', order.id, { keyKind: 'publishable', clientSecret: 'wrong' }), OrderNotFound);
    await assert.rejects(service.find('other', order.id, { keyKind: 'secret' }), OrderNotFound);
  });

  it('binds on confirm, and answers a repeated confirm for the same payment with the order', async () => {
    provider.next.bind = async () => ({ status: 'active', policy });
    const confirmed = await service.confirm(await orderIn('awaiting_payment'), 'pay_1');
    assert.equal(confirmed.status, 'active');
    assert.equal(confirmed.paymentReference, 'pay_1');
    assert.equal((await service.confirm(confirmed, 'pay_1')).status, 'active');
    await assert.rejects(service.confirm(confirmed, 'pay_2'), (error: unknown) => {
      assert.ok(error instanceof OrderStateConflict);
      assert.equal(error.action, 'confirm');
      assert.equal(error.status, 'active');
      return true;
    });
  });

  it('fails the order when the provider refuses, and leaves it binding when the outcome is unknown', async () => {
    const refusal = new ProviderError({ provider: 'bigfix', failure: 'refused', providerCode: 'X', shopperMessage: 'Not this device' });
    provider.next.bind = async () => Promise.reject(refusal);
    const refused = await orderIn('awaiting_payment');
    await assert.rejects(service.confirm(refused, 'pay_1'), refusal);
    assert.equal((await store.getOrderById(refused.id))?.status, 'failed');
    assert.equal((await store.getOrderById(refused.id))?.failureReason, 'Not this device');

    // Answers after the 200 ms bind deadline (a timer that keeps the test's event loop alive).
    provider.next.bind = () => new Promise((resolve) => setTimeout(() => resolve({ status: 'active', policy }), 400));
    const slow = await orderIn('awaiting_payment');
    await assert.rejects(service.confirm(slow, 'pay_1'), (error: unknown) => error instanceof ProviderError && error.failure === 'timeout');
    assert.equal((await store.getOrderById(slow.id))?.status, 'binding');
  });

  it('confirms a failed order again only after an outage and while its offer is valid; else says to re-quote', async () => {
    const valid = { ...sampleOrder('x').offer, expiresAt: new Date(Date.now() + 60_000).toISOString() };
    const expired = { ...valid, expiresAt: new Date(Date.now() - 1000).toISOString() };
    const conflict = (pattern: RegExp) => (error: unknown) => error instanceof OrderStateConflict && pattern.test(error.message);
    provider.next.bind = async () => ({ status: 'active', policy });
    const outage = await orderIn('failed', { failureKind: 'outage', failureReason: 'Down', offer: valid });
    const retried = await service.confirm(outage, 'pay_2');
    assert.equal(retried.status, 'active');
    assert.equal(retried.failureReason, null);
    const refused = await orderIn('failed', { failureKind: 'refused', failureReason: 'Not this device.', offer: valid });
    await assert.rejects(service.confirm(refused, 'pay_2'), conflict(/refused.*fresh plans/));
    const late = await orderIn('failed', { failureKind: 'outage', failureReason: 'Down', offer: expired });
    await assert.rejects(service.confirm(late, 'pay_2'), conflict(/expired.*fresh plans/));
    const unknown = await orderIn('failed', { failureKind: 'unknown', failureReason: 'Ask support.', offer: valid });
    await assert.rejects(service.confirm(unknown, 'pay_2'), conflict(/cannot be confirmed again: Ask support/));
  });

  it('revives a failed order when a provider event confirms cover', async () => {
    const order = await orderIn('failed', { failureKind: 'unknown', failureReason: 'Ask support.' });
    const revived = await service.applyProviderEvent({ orderId: order.id, from: ['pending'], status: 'active', policy });
    assert.equal(revived?.status, 'active');
    assert.equal(revived?.failureReason, null);
    assert.equal(revived?.failureKind, null);
  });

  it('refuses a cancel in the wrong state or where the provider has none', async () => {
    await assert.rejects(service.cancel(await orderIn('pending'), 'changed my mind'), OrderStateConflict);
    await assert.rejects(service.cancel(await orderIn('active'), 'changed my mind'), OperationNotSupported);
  });

  it('keeps the order as it was when the provider reports a move the lifecycle does not have', async () => {
    provider.next.status = async () => ({ status: 'pending_activation', policy });
    const order = await orderIn('pending', { policy });
    assert.equal(await service.refresh(order), order);
    assert.equal((await store.getOrderById(order.id))?.status, 'pending');
    provider.next.status = async () => ({ status: 'active', policy: { ...policy, startsAt: '2026-12-01T00:00:00.000Z' } });
    assert.equal((await service.refresh(order)).status, 'active');
    delete provider.next.status;
  });
});

/** Event deliveries in the operator console's API: listed without their bodies, and re-sent. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { announceOrder } from '../events/order-events.ts';
import { createOperatorEvents } from '../operator/operator-events.ts';
import { sampleOrder } from '../store/store-contract.ts';
import { apiClient, startTestServer, type TestServer } from '../testing/test-server.ts';

describe('operator console: event deliveries', () => {
  let server: TestServer;
  let operator: ReturnType<typeof apiClient>;

  before(async () => {
    server = await startTestServer();
    operator = apiClient(server, 'op_test_demo');
    const { store, config } = server.services;
    await store.createOrder(sampleOrder('ord_evt_1', { metadata: { cartId: 'cart_1' } }), announceOrder(config.merchants, 'order.created'));
  });
  after(() => server.close());

  it('lists events newest first with their delivery state, never their body', async () => {
    const { status, json, text } = await operator('GET', '/console/api/events');
    assert.equal(status, 200);
    const event = (json.data as { id: string; type: string; orderId: string; state: string }[]).find((row) => row.orderId === 'ord_evt_1');
    assert.equal(event?.type, 'order.created');
    assert.ok(['pending', 'delivered', 'failed'].includes(event!.state), event!.state);
    assert.ok(!text.includes('cart_1') && !text.includes('"body"'), 'the merchant’s copy of the order is not repeated here');
  });

  it('re-sends an event (queued again now), and answers 404 for an unknown one', async () => {
    const { json } = await operator('GET', '/console/api/events');
    const id = (json.data as { id: string; orderId: string }[]).find((row) => row.orderId === 'ord_evt_1')!.id;
    const resent = await operator('POST', `/console/api/events/${id}/resend`);
    assert.equal(resent.status, 200);
    assert.equal(resent.json.event.state, 'pending');
    assert.ok(Date.parse(resent.json.event.giveUpAt) > Date.now() + 2 * 24 * 3_600_000);
    const unknown = await operator('POST', '/console/api/events/evt_nope/resend');
    assert.equal(unknown.status, 404);
  });

  it('refuses to re-send for a merchant with no webhook endpoint', async () => {
    const { store, config } = server.services;
    const merchants = config.merchants.map((merchant) => ({ ...merchant, webhookUrl: undefined }));
    await store.createOrder(sampleOrder('ord_evt_2'), announceOrder(merchants, 'order.created'));
    const events = createOperatorEvents({ store, merchants });
    const listed = await events.list({ kind: 'operator' });
    const id = listed.find((event) => event.orderId === 'ord_evt_2')!.id;
    await assert.rejects(events.resend({ kind: 'operator' }, id), { code: 'webhook_not_configured', status: 409 });
  });
});

import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { LitElement } from 'lit';
import { createApiClient } from '../api/client.ts';
import type { Order } from '../../../contract/types.ts';
import { apiBase, createdOrder, errorResponse, json, publishableKey, stubApi } from '../testing/api-stub.ts';
import { OrderPollController } from './order-poll-controller.ts';

let api: ReturnType<typeof stubApi> | undefined;

afterEach(() => {
  api?.restore();
  api = undefined;
});

class PollHost extends LitElement {
  poll = new OrderPollController(this);
}
customElements.define('poll-host', PollHost);

const client = createApiClient({ apiBase, publishableKey });
const orderPath = `GET /v1/orders/${createdOrder.id}`;
const pause = (milliseconds: number) => new Promise((resolve) => setTimeout(resolve, milliseconds));

describe('OrderPollController', () => {
  it('asks with the client secret until onOrder says stop, keeping the secret on each fresh order', async () => {
    const { clientSecret: _, ...withoutSecret } = createdOrder;
    api = stubApi({ [orderPath]: [() => json({ order: withoutSecret }), () => json({ order: { ...withoutSecret, status: 'active' } })] });
    const host = await fixture<PollHost>(html`<poll-host></poll-host>`);
    const seen: Order[] = [];
    host.poll.start({ client, order: createdOrder, intervalMilliseconds: 50, onOrder: (order) => seen.push(order) === 2 });
    await waitUntil(() => seen.length === 2, 'did not poll twice');
    expect(seen.map((order) => order.status)).to.deep.equal(['awaiting_payment', 'active']);
    expect(seen.every((order) => order.clientSecret === createdOrder.clientSecret)).to.equal(true);
    expect(api.requests[0]!.headers.get('X-Client-Secret')).to.equal(createdOrder.clientSecret);
    await pause(300);
    expect(api.requests).to.have.length(2);
    expect(host.poll.polling).to.equal(false);
  });

  it('backs off after a failed read instead of giving up', async () => {
    api = stubApi({ [orderPath]: [() => errorResponse(502, 'provider_failed', 'down'), () => json({ order: createdOrder })] });
    const host = await fixture<PollHost>(html`<poll-host></poll-host>`);
    let answered = false;
    host.poll.start({ client, order: createdOrder, intervalMilliseconds: 250, onOrder: () => (answered = true) });
    await waitUntil(() => api!.requests.length === 1, 'no first read');
    await pause(350);
    expect(api.requests, 'the retry waits twice the interval').to.have.length(1);
    await waitUntil(() => answered, 'no read after the failure', { timeout: 2_000 });
  });

  it('stops when the host leaves the page, and asks nothing without a client secret', async () => {
    api = stubApi({ [orderPath]: () => json({ order: createdOrder }) });
    const host = await fixture<PollHost>(html`<poll-host></poll-host>`);
    host.poll.start({ client, order: { ...createdOrder, clientSecret: undefined }, intervalMilliseconds: 50, onOrder: () => false });
    expect(host.poll.polling).to.equal(false);
    host.poll.start({ client, order: createdOrder, intervalMilliseconds: 50, onOrder: () => false });
    await waitUntil(() => api!.requests.length >= 1, 'no read');
    host.remove();
    const reads = api.requests.length;
    await pause(300);
    expect(api.requests.length).to.be.at.most(reads + 1);
    expect(host.poll.polling).to.equal(false);
  });
});

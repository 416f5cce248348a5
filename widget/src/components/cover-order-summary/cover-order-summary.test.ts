import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { createApiClient } from '../../api/client.ts';
import type { Order } from '../../../../contract/types.ts';
import { define } from '../../internal/define.ts';
import { CoverOrderSummary } from './cover-order-summary.ts';
import { apiBase, createdOrder, json, publishableKey, stubApi } from '../../testing/api-stub.ts';

define('cover-order-summary', CoverOrderSummary);

let api: ReturnType<typeof stubApi> | undefined;

afterEach(() => {
  api?.restore();
  api = undefined;
});

const activeOrder: Order = {
  ...createdOrder,
  status: 'active',
  policy: {
    provider: 'bigfix',
    reference: 'B250217P0010001',
    startsAt: '2026-11-21T00:00:00Z',
    endsAt: '2027-11-20T00:00:00Z',
    activationCode: null,
    certificate: true,
  },
};

async function mount(order: Order, { confirmed = false, strings = {} as Record<string, string> } = {}) {
  const client = createApiClient({ apiBase, publishableKey });
  const element = await fixture<CoverOrderSummary>(
    html`<cover-order-summary
      .order=${order}
      .client=${client}
      .strings=${strings}
      ?confirmed=${confirmed}
      poll-interval="50"
      locale="en-IN"
    ></cover-order-summary>`,
  );
  return { element, root: element.shadowRoot! };
}

describe('<cover-order-summary>', () => {
  it('awaiting payment: says the plan was added, shows the plan and order, not yet a policy', async () => {
    api = stubApi({ [`GET /v1/orders/${createdOrder.id}`]: () => json({ order: createdOrder }) });
    const { root } = await mount(createdOrder);
    expect(root.querySelector('[part="summary-title"]')!.textContent).to.equal('Plan added — complete payment to activate');
    expect(root.querySelector('.plan')!.textContent!.trim()).to.equal('Screen protection · 12 months · ₹1,499 · BigFix');
    expect(root.textContent).to.include(createdOrder.id);
    expect(root.querySelector('[part="policy-reference"]')).to.equal(null);
  });

  it('follows the order with its client secret and fires cover-order-confirm once it leaves payment', async () => {
    api = stubApi({ [`GET /v1/orders/${createdOrder.id}`]: [() => json({ order: createdOrder }), () => json({ order: activeOrder })] });
    const { element, root } = await mount(createdOrder);
    const confirms: CustomEvent[] = [];
    element.addEventListener('cover-order-confirm', (event) => confirms.push(event));
    await waitUntil(() => root.querySelector('[part="policy-reference"]'), 'policy not shown', { timeout: 5_000 });
    expect(root.querySelector('[part="policy-reference"]')!.textContent).to.equal('B250217P0010001');
    expect(root.textContent).to.include('Your device is protected').and.include('21 Nov 2026').and.include('20 Nov 2027');
    expect(confirms).to.have.length(1);
    expect(confirms[0]!.detail.order.status).to.equal('active');
    expect(confirms[0]!.bubbles && confirms[0]!.composed).to.equal(true);
    expect(api.requests[0]!.headers.get('X-Client-Secret')).to.equal(createdOrder.clientSecret);
    const reads = api.requests.length;
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(api.requests.length, 'kept polling an active order').to.equal(reads);
  });

  it('shows what the host confirmed without asking or firing, and downloads the certificate', async () => {
    api = stubApi({
      [`GET /v1/orders/${createdOrder.id}/certificate`]: () => new Response(new Blob(['%PDF-1.4'], { type: 'application/pdf' })),
    });
    const { element, root } = await mount(activeOrder, { confirmed: true });
    const confirms: Event[] = [];
    element.addEventListener('cover-order-confirm', (event) => confirms.push(event));
    root.querySelector<HTMLButtonElement>('[part="certificate-button"]')!.click();
    await waitUntil(() => api!.requests.length > 0, 'certificate not fetched');
    expect(api.requests[0]!.url).to.equal(`${apiBase}/v1/orders/${createdOrder.id}/certificate`);
    expect(api.requests[0]!.headers.get('X-Client-Secret')).to.equal(createdOrder.clientSecret);
    expect(confirms).to.have.length(0);
  });

  it('says why a declined plan could not be issued', async () => {
    const declined: Order = { ...createdOrder, status: 'declined', failureReason: 'The device is older than the plan allows.' };
    const { root } = await mount(declined);
    expect(root.querySelector('[part="summary"]')!.classList.contains('problem')).to.equal(true);
    expect(root.querySelector('[part="summary-title"]')!.textContent).to.equal('The provider could not issue this plan');
    expect(root.textContent).to.include('Declined by the provider').and.include('The device is older than the plan allows.');
  });

  it('uses the wording it is given', async () => {
    const { root } = await mount(activeOrder, { confirmed: true, strings: { 'summary.active': 'All set', 'status.active': 'In force' } });
    expect(root.querySelector('[part="summary-title"]')!.textContent).to.equal('All set');
    expect(root.textContent).to.include('In force');
  });
});

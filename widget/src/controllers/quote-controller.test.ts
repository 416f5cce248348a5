import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { LitElement } from 'lit';
import { createApiClient } from '../api/client.ts';
import type { Offer, QuoteResponse } from '../../../contract/types.ts';
import { apiBase, comprehensiveOffer, json, publishableKey, quoteResponse, screenOffer, stubApi } from '../testing/api-stub.ts';
import { isSameOffer, QuoteController } from './quote-controller.ts';

let api: ReturnType<typeof stubApi> | undefined;

afterEach(() => {
  api?.restore();
  api = undefined;
});

/** A bare host: the page's attributes as plain fields. */
class QuoteHost extends LitElement {
  client = createApiClient({ apiBase, publishableKey });
  page = { category: 'Mobile', price: 74999, currency: 'INR', country: 'IN', imei: '', providers: '', planTypes: '' };
  paused = false;
  loads: Offer[][] = [];
  quote = new QuoteController(this, {
    client: () => this.client,
    page: () => this.page,
    device: { brand: 'Samsung', model: 'Galaxy S23' },
    paused: () => this.paused,
    onLoad: (offers) => this.loads.push(offers),
    onError: () => undefined,
  });
}
customElements.define('quote-host', QuoteHost);

const expiringIn = (milliseconds: number, round: number): QuoteResponse => ({
  ...quoteResponse,
  offers: quoteResponse.offers.map((offer) => ({
    ...offer,
    offerId: `${offer.offerId}-${round}`,
    expiresAt: new Date(Date.now() + milliseconds).toISOString(),
  })),
});

describe('QuoteController', () => {
  it('treats the same plan at the same price as the same offer, whatever its id', () => {
    expect(isSameOffer(screenOffer, { ...screenOffer, offerId: 'another.signature' })).to.equal(true);
    expect(isSameOffer(screenOffer, { ...screenOffer, offerId: 'x', price: { amount: 1599, currency: 'INR' } })).to.equal(false);
    expect(isSameOffer(screenOffer, { ...screenOffer, offerId: 'x', termMonths: 24 })).to.equal(false);
  });

  it('applies the page’s provider and plan-type filters, and counts the providers that need the IMEI', async () => {
    api = stubApi({
      'POST /v1/quotes': () =>
        json({ ...quoteResponse, unavailable: [{ provider: 'assurify', code: 'needs_imei', message: 'needs the IMEI' }] }),
    });
    const host = await fixture<QuoteHost>(html`<quote-host></quote-host>`);
    await waitUntil(() => host.loads.length === 1, 'no quote');
    const response = host.quote.task.value!;
    expect(host.quote.visibleOffers(response)).to.have.length(2);
    host.page = { ...host.page, providers: 'servify', planTypes: '' };
    expect(host.quote.visibleOffers(response).map((offer) => offer.provider)).to.deep.equal(['servify']);
    expect(host.quote.imeiNeeded(response), 'assurify is filtered out').to.equal(0);
    host.page = { ...host.page, providers: '', planTypes: 'screen' };
    expect(host.quote.visibleOffers(response).map((offer) => offer.type)).to.deep.equal(['SCREEN']);
    expect(host.quote.imeiNeeded(response)).to.equal(1);
    host.quote.shopperImei = '490154203237518';
    expect(host.quote.imeiNeeded(response), 'the shopper gave it').to.equal(0);
    expect(host.quote.cheapest).to.deep.equal({ amount: 1499, currency: 'INR' });
  });

  it('asks again a minute before the offers expire, keeping the picked plan under its new id', async () => {
    let round = 0;
    api = stubApi({ 'POST /v1/quotes': () => json(expiringIn(61_000, ++round)) });
    const host = await fixture<QuoteHost>(html`<quote-host></quote-host>`);
    await waitUntil(() => host.loads.length === 1, 'no quote');
    host.quote.selected = host.loads[0]![0];
    await waitUntil(() => host.loads.length === 2, 'no refresh before expiry', { timeout: 5_000 });
    expect(host.quote.selected?.offerId).to.equal(`${screenOffer.offerId}-2`);
  });

  it('does not refresh while paused (the order exists)', async () => {
    api = stubApi({ 'POST /v1/quotes': () => json(expiringIn(61_000, 1)) });
    const host = await fixture<QuoteHost>(html`<quote-host></quote-host>`);
    await waitUntil(() => host.loads.length === 1, 'no quote');
    host.paused = true;
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(api.requests).to.have.length(1);
  });

  it('stops its timer when the host leaves the page, and starts it again when it comes back', async () => {
    api = stubApi({ 'POST /v1/quotes': () => json(expiringIn(61_000, 1)) });
    const host = await fixture<QuoteHost>(html`<quote-host></quote-host>`);
    await waitUntil(() => host.loads.length === 1, 'no quote');
    const parent = host.parentElement!;
    host.remove();
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(api.requests, 'refreshed while away').to.have.length(1);
    parent.append(host);
    await waitUntil(() => api!.requests.length === 2, 'no refresh after coming back', { timeout: 5_000 });
  });

  it('shows the offers of the providers that answered first while the others are still asked (streamed quote)', async () => {
    let finish!: () => void;
    const lastLine = new Promise<void>((resolve) => (finish = resolve));
    const encoder = new TextEncoder();
    api = stubApi({
      'POST /v1/quotes': () =>
        new Response(
          new ReadableStream<Uint8Array>({
            async start(controller) {
              // Servify's (dearer) offer first, split across two chunks; BigFix's only when the test says.
              const first = `${JSON.stringify({ offers: [comprehensiveOffer], unavailable: [] })}\n`;
              controller.enqueue(encoder.encode(first.slice(0, 20)));
              controller.enqueue(encoder.encode(first.slice(20)));
              await lastLine;
              controller.enqueue(encoder.encode(`${JSON.stringify({ offers: [screenOffer], unavailable: quoteResponse.unavailable })}\n`));
              controller.close();
            },
          }),
          { headers: { 'Content-Type': 'application/x-ndjson' } },
        ),
    });
    const host = await fixture<QuoteHost>(html`<quote-host></quote-host>`);
    await waitUntil(() => host.quote.inProgress, 'the first line was not shown');
    expect(api.requests[0]!.headers.get('Accept')).to.contain('application/x-ndjson');
    expect(host.quote.inProgress!.offers.map((offer) => offer.provider)).to.deep.equal(['servify']);
    expect(host.loads, 'loaded before the stream ended').to.have.length(0);
    finish();
    await waitUntil(() => host.loads.length === 1, 'no quote after the last line');
    expect(host.quote.inProgress).to.equal(undefined);
    // What was shown first stays first: nothing the shopper reads moves.
    expect(host.loads[0]!.map((offer) => offer.provider)).to.deep.equal(['servify', 'bigfix']);
    expect(host.quote.task.value!.unavailable).to.deep.equal(quoteResponse.unavailable);
  });

  it('shows nothing in progress while the providers so far have no offer the page wants', async () => {
    api = stubApi({
      'POST /v1/quotes': () =>
        new Response(
          `${JSON.stringify({ offers: [], unavailable: [{ provider: 'octamile', code: 'market_not_served', message: 'no' }] })}\n`,
          {
            headers: { 'Content-Type': 'application/x-ndjson' },
          },
        ),
    });
    const host = await fixture<QuoteHost>(html`<quote-host></quote-host>`);
    await waitUntil(() => host.loads.length === 1, 'no quote');
    expect(host.loads[0]).to.deep.equal([]);
    expect(host.quote.inProgress).to.equal(undefined);
  });
});

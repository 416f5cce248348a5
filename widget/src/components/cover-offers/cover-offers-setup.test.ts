import { expect, fixture, waitUntil } from '@open-wc/testing';
import type { CoverErrorEvent } from '../../index.ts';
import { CoverOffers } from '../../index.ts';
import { closestAttribute } from '../../internal/check-configuration.ts';
import { apiBase, json, publishableKey, quoteResponse, stubApi } from '../../testing/api-stub.ts';

const device = `category="Mobile" brand="Samsung" model="Galaxy S23" currency="INR" country="IN" locale="en-IN"`;

let api: ReturnType<typeof stubApi> | undefined;
let warnings: string[] = [];
const originalWarn = console.warn;

beforeEach(() => {
  warnings = [];
  console.warn = (...parts: unknown[]) => void warnings.push(parts.join(' '));
  api = stubApi({ 'POST /v1/quotes': () => json(quoteResponse), 'GET /v1/health': () => json({ status: 'ok', providers: {} }) });
});
afterEach(() => {
  console.warn = originalWarn;
  api?.restore();
});

/** Mounts the markup, then listens — as a page whose script runs after the element. */
async function mountThenListen(markup: string) {
  const element = await fixture<CoverOffers>(markup);
  const events: CoverErrorEvent[] = [];
  element.addEventListener('cover-error', (event) => events.push(event));
  return { element, events };
}

const notice = (element: CoverOffers) => element.shadowRoot!.querySelector<HTMLElement>('[part="setup-error"]');

async function explained(element: CoverOffers, events: CoverErrorEvent[], attribute: string, words: RegExp) {
  await waitUntil(() => element.error?.attribute === attribute, `no error property naming ${attribute}`);
  const detail = events.find((event) => event.detail.attribute === attribute)?.detail ?? element.error!;
  expect(detail.message).to.match(words);
  expect(warnings.some((line) => line.includes(`[coverkit] <cover-offers> ${attribute}:`) && words.test(line))).to.equal(
    true,
    warnings.join('\n'),
  );
  await waitUntil(() => notice(element), 'no visible setup message in test mode');
  expect(notice(element)!.textContent).to.include(attribute);
  return detail;
}

describe('<cover-offers> explains setup mistakes', () => {
  it('a missing publishable-key', async () => {
    const { element, events } = await mountThenListen(`<cover-offers api-base="${apiBase}" price="74999" ${device}></cover-offers>`);
    const detail = await explained(element, events, 'publishable-key', /publishable-key is missing/);
    expect(detail.code).to.equal('invalid_configuration');
  });

  it('a misspelled attribute, with the name it probably meant', async () => {
    const { element, events } = await mountThenListen(
      `<cover-offers publishable-key="${publishableKey}" api-base="${apiBase}" price="74999" plan-type="ADLD" ${device}></cover-offers>`,
    );
    await explained(element, events, 'plan-type', /did you mean "plan-types"/);
    expect(closestAttribute('publishable_key', CoverOffers.observedAttributes)).to.equal('publishable-key');
    expect(closestAttribute('apibase', CoverOffers.observedAttributes)).to.equal('api-base');
    expect(closestAttribute('colour', CoverOffers.observedAttributes)).to.equal(undefined);
  });

  it('price="74,999"', async () => {
    const { element, events } = await mountThenListen(
      `<cover-offers publishable-key="${publishableKey}" api-base="${apiBase}" price="74,999" ${device}></cover-offers>`,
    );
    await explained(element, events, 'price', /price="74,999" is not a number.*price="74999"/);
    expect(api!.requests.filter((request) => request.url.endsWith('/quotes'))).to.have.length(0);
  });

  it('price set as a string property (as React 19 does with price="74999")', async () => {
    const element = document.createElement('cover-offers');
    element.setAttribute('publishable-key', publishableKey);
    element.apiBase = apiBase;
    Object.assign(element, { category: 'Mobile', brand: 'Samsung', model: 'Galaxy S23', currency: 'INR', country: 'IN' });
    (element as unknown as { price: string }).price = '74999';
    const events: CoverErrorEvent[] = [];
    document.body.append(element);
    element.addEventListener('cover-error', (event) => events.push(event));
    try {
      await explained(element, events, 'price', /string "74999".*price=\{74999\}/);
    } finally {
      element.remove();
    }
  });

  it('an api-base ending in /v1', async () => {
    const { element, events } = await mountThenListen(
      `<cover-offers publishable-key="${publishableKey}" api-base="${apiBase}/v1" price="74999" ${device}></cover-offers>`,
    );
    await explained(element, events, 'api-base', new RegExp(`ends in /v1.*api-base="${apiBase}"`));
  });

  it('an origin the key may not be used from (CORS makes it look like a network failure)', async () => {
    api!.restore();
    api = stubApi({
      'POST /v1/quotes': () => Promise.reject(new TypeError('Failed to fetch')),
      'GET /v1/health': () => json({ status: 'ok', providers: {} }),
    });
    const { element, events } = await mountThenListen(
      `<cover-offers publishable-key="${publishableKey}" api-base="${apiBase}" price="74999" ${device}></cover-offers>`,
    );
    const detail = await explained(
      element,
      events,
      'origin',
      /origin \(http:\/\/[^)]+\) may not use pk_test_demo.*COVERKIT_ALLOWED_ORIGINS/,
    );
    expect(detail.code).to.equal('origin_not_allowed');
  });

  it('says nothing, and loads no check, when the setup is right', async () => {
    const { element, events } = await mountThenListen(
      `<cover-offers publishable-key="${publishableKey}" api-base="${apiBase}" price="74999" ${device} id="a" data-sku="x" aria-label="Plans"></cover-offers>`,
    );
    await waitUntil(() => api!.requests.length > 0);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(events).to.have.length(0);
    expect(element.error).to.equal(undefined);
    expect(notice(element)).to.equal(null);
    expect(warnings).to.deep.equal([]);
  });

  it('keeps the visible message out of live mode, but still warns', async () => {
    const { element } = await mountThenListen(
      `<cover-offers publishable-key="pk_live_demo" api-base="${apiBase}/v1" price="74999" ${device}></cover-offers>`,
    );
    await waitUntil(() => element.error?.attribute === 'api-base');
    expect(warnings.some((line) => line.includes('api-base'))).to.equal(true);
    expect(notice(element)).to.equal(null);
  });
});

import { expect, fixture, oneEvent, waitUntil } from '@open-wc/testing';
import { CoverOffers, define } from '../../index.ts';
import type { Order } from '../../../../contract/types.ts';
import {
  apiBase,
  comprehensiveOffer,
  createdOrder,
  errorResponse,
  json,
  publishableKey,
  quoteResponse,
  screenOffer,
  stubApi,
  validImei,
} from '../../testing/api-stub.ts';

const eventNames = [
  'cover-offers-load',
  'cover-offer-select',
  'cover-offer-decline',
  'cover-order-create',
  'cover-order-confirm',
  'cover-error',
];
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

let api: ReturnType<typeof stubApi> | undefined;
let events: Event[] = [];
const record = (event: Event) => events.push(event);
const eventsNamed = <T extends Event>(name: string) => events.filter((event) => event.type === name) as T[];

async function mount(extraAttributes = '') {
  return fixture<CoverOffers>(
    `<cover-offers publishable-key="${publishableKey}" api-base="${apiBase}" category="Mobile" brand="Samsung"
      model="Galaxy S23" price="74999" currency="INR" country="IN" locale="en-IN" ${extraAttributes}></cover-offers>`,
  );
}

const shadow = (element: Element) => element.shadowRoot!;
const list = (element: CoverOffers) => shadow(element).querySelector('cover-offer-list');
const form = (element: CoverOffers) => shadow(element).querySelector('cover-offer-form');
const offerElements = (element: CoverOffers) => [...(list(element)?.shadowRoot?.querySelectorAll<HTMLElement>('[part~="offer"]') ?? [])];
const inputs = (element: CoverOffers) => [...shadow(form(element)!).querySelectorAll<HTMLInputElement>('input, select')];
const input = (element: CoverOffers, name: string) => shadow(form(element)!).querySelector<HTMLInputElement>(`[name="${name}"]`)!;
const errorFor = (element: CoverOffers, name: string) =>
  shadow(form(element)!).querySelector<HTMLElement>(`#${input(element, name).id}-error`)!;

async function loaded(element: CoverOffers) {
  await waitUntil(() => offerElements(element).length > 0, 'offers did not render');
  return element;
}

async function choose(element: CoverOffers, index: number) {
  offerElements(element)[index]!.querySelector('input')!.click();
  await waitUntil(() => form(element)?.shadowRoot?.querySelector('input'), 'form did not render', { timeout: 10_000 });
  await form(element)!.updateComplete;
}

async function type(element: CoverOffers, name: string, value: string, { leave = true } = {}) {
  const field = input(element, name);
  field.value = value;
  field.dispatchEvent(new InputEvent('input', { bubbles: true }));
  if (leave) field.dispatchEvent(new FocusEvent('blur'));
  await form(element)!.updateComplete;
}

/** Ticks "I have read and agree to the plan terms" on the review. */
async function agree(element: CoverOffers) {
  shadow(form(element)!).querySelector<HTMLInputElement>('input[name="consent"]')!.click();
  await form(element)!.updateComplete;
}

async function submit(element: CoverOffers) {
  shadow(form(element)!).querySelector('form')!.requestSubmit();
  await form(element)!.updateComplete;
}

beforeEach(() => {
  events = [];
  for (const name of eventNames) document.addEventListener(name, record);
});

afterEach(() => {
  api?.restore();
  api = undefined;
  for (const name of eventNames) document.removeEventListener(name, record);
});

describe('<cover-offers> loading offers', () => {
  it('shows a skeleton, then the offers with prices in the shopper locale and styleable parts', async () => {
    let release: (() => void) | undefined;
    api = stubApi({
      'POST /v1/quotes': () => new Promise((resolve) => (release = () => resolve(json(quoteResponse)))),
    });
    const style = document.head.appendChild(document.createElement('style'));
    style.textContent = 'cover-offers::part(price) { color: rgb(1, 2, 3); }';
    const element = await mount();

    expect(shadow(element).querySelector('[part="skeleton"]')).to.exist;
    await waitUntil(() => release, 'quote was not requested');
    release!();
    await loaded(element);

    const offers = offerElements(element);
    expect(offers).to.have.length(2);
    const prices = offers.map((offer) => offer.querySelector('[part="price"]')!);
    expect(prices.map((price) => price.textContent)).to.deep.equal(['₹1,499', '₹4,999.50']);
    expect(getComputedStyle(prices[0]!).color).to.equal('rgb(1, 2, 3)');
    expect(offers[0]!.textContent).to.include('Screen protection').and.include('12 months').and.include('BigFix');
    expect(offers[1]!.textContent).to.include('2 years').and.include('Servify');
    style.remove();

    const [request] = api.requests;
    expect(request!.url).to.equal(`${apiBase}/v1/quotes`);
    expect(request!.headers.get('Authorization')).to.equal(`Bearer ${publishableKey}`);
    expect(request!.body).to.deep.equal({
      device: { category: 'Mobile', brand: 'Samsung', model: 'Galaxy S23', price: 74999, currency: 'INR' },
      country: 'IN',
    });
    const [load] = eventsNamed<CustomEvent>('cover-offers-load');
    expect(load!.detail).to.deep.equal({ offers: quoteResponse.offers, unavailable: quoteResponse.unavailable });
    expect(load!.target).to.equal(element);
  });

  it('sends a valid IMEI attribute with the quote', async () => {
    api = stubApi({ 'POST /v1/quotes': () => json(quoteResponse) });
    await loaded(await mount(`imei="${validImei}"`));
    expect((api.requests[0]!.body as { device: { imei?: string } }).device.imei).to.equal(validImei);
  });

  it('says so when no plan is available', async () => {
    api = stubApi({ 'POST /v1/quotes': () => json({ offers: [], unavailable: [] }) });
    const element = await mount();
    await waitUntil(() => shadow(element).querySelector('[part="empty"]'));
    expect(shadow(element).querySelector('[part="empty"]')!.textContent).to.equal('No protection plans are available for this device');
    expect(eventsNamed<CustomEvent>('cover-offers-load')[0]!.detail.offers).to.deep.equal([]);
  });

  it('blames no device when every insurer is out, and quotes again on retry', async () => {
    const out = [
      { provider: 'bigfix', code: 'provider_timeout', message: 'This provider did not answer in time.' },
      { provider: 'servify', code: 'provider_unavailable', message: 'This insurer is not available right now.' },
    ];
    api = stubApi({ 'POST /v1/quotes': [() => json({ offers: [], unavailable: out }), () => json(quoteResponse)] });
    const element = await mount();
    await waitUntil(() => shadow(element).querySelector('[part="error"]'), 'no outage message');
    expect(shadow(element).querySelector('[part="error"]')!.textContent).to.include("We can't reach the insurers right now");
    expect(shadow(element).querySelector('[part="empty"]')).to.equal(null);
    shadow(element).querySelector<HTMLButtonElement>('[part="retry-button"]')!.click();
    await loaded(element);
    expect(api.requests).to.have.length(2);
  });

  it('says when a provider already covers the device, next to the other offers', async () => {
    const covered = { provider: 'servify', code: 'already_covered', message: 'This device already has a Servify plan until 22 Nov 2027.' };
    api = stubApi({ 'POST /v1/quotes': () => json({ ...quoteResponse, unavailable: [covered] }) });
    const element = await loaded(await mount());
    const note = shadow(element).querySelector('[part="covered-note"]');
    expect(note?.textContent).to.equal(covered.message);
  });

  it('shows an error with a retry button that loads again', async () => {
    api = stubApi({
      'POST /v1/quotes': [
        () => errorResponse(502, 'provider_failed', 'The plan providers did not answer. Please try again.'),
        () => json(quoteResponse),
      ],
    });
    const element = await mount();
    await waitUntil(() => shadow(element).querySelector('[part="error"]'), 'error state did not render');
    expect(shadow(element).querySelector('[part="error"]')!.textContent).to.include('The plan providers did not answer');
    expect(eventsNamed<CustomEvent>('cover-error')[0]!.detail).to.deep.equal({
      code: 'provider_failed',
      message: 'The plan providers did not answer. Please try again.',
      status: 502,
    });

    shadow(element).querySelector<HTMLButtonElement>('[part="retry-button"]')!.click();
    await loaded(element);
    expect(api.requests).to.have.length(2);
  });
});

describe('<cover-offers> with a secret key', () => {
  it('refuses an sk_ key before sending anything, with a clear cover-error', async () => {
    api = stubApi({ 'POST /v1/quotes': () => json(quoteResponse), 'GET /v1/catalog': () => json({}) });
    const element = await fixture<CoverOffers>(
      `<cover-offers publishable-key="sk_test_demo" api-base="${apiBase}" category="Mobile" brand="Samsung"
        model="Galaxy S23" price="74999" currency="INR" country="IN" locale="en-IN"></cover-offers>`,
    );
    await waitUntil(() => eventsNamed('cover-error').length > 0, 'no cover-error');
    const detail = eventsNamed<CustomEvent>('cover-error')[0]!.detail as { code: string; message: string };
    expect(detail.code).to.equal('secret_key_in_browser');
    expect(detail.message).to.equal('Protection plans cannot be shown for this product right now.');
    await waitUntil(() => shadow(element).querySelector('[part="error"]'), 'error state did not render');
    expect(shadow(element).querySelector('[part="error"]')!.textContent).not.to.include('sk_test_demo');
    // The developer is told what to do, in the page (test mode) and in an event naming the attribute.
    await waitUntil(() => shadow(element).querySelector('[part="setup-error"]'), 'no setup notice');
    expect(shadow(element).querySelector('[part="setup-error"]')!.textContent).to.include('publishable-key holds a secret key');
    const setup = eventsNamed<CustomEvent>('cover-error').map((event) => event.detail as { attribute?: string; code: string });
    expect(setup.some((entry) => entry.attribute === 'publishable-key' && entry.code === 'secret_key_in_browser')).to.equal(true);
    expect(api.requests).to.have.length(0);
  });
});

describe('<cover-offers> choosing', () => {
  it('emits cover-offer-select when the shopper picks an offer, not when attributes change', async () => {
    api = stubApi({ 'POST /v1/quotes': () => json(quoteResponse) });
    const element = await loaded(await mount());
    setTimeout(() => offerElements(element)[1]!.querySelector('input')!.click());
    const event = await oneEvent(element, 'cover-offer-select');
    expect(event.detail.offer).to.deep.equal(comprehensiveOffer);
    expect(event.bubbles && event.composed).to.equal(true);

    element.price = 80000;
    await waitUntil(() => eventsNamed('cover-offers-load').length === 2, 'no reload after the price changed');
    expect(eventsNamed('cover-offer-select')).to.have.length(1);
  });

  it('emits cover-offer-decline for "No thanks"', async () => {
    api = stubApi({ 'POST /v1/quotes': () => json(quoteResponse) });
    const element = await loaded(await mount());
    setTimeout(() => shadow(element).querySelector<HTMLButtonElement>('[part="decline-button"]')!.click());
    const event = await oneEvent(element, 'cover-offer-decline');
    expect(event.detail).to.deep.equal({});
    await element.updateComplete;
    expect(shadow(element).textContent).to.include('No protection plan added.');
    expect(offerElements(element)).to.have.length(0);
  });
});

describe('<cover-offers> details form', () => {
  beforeEach(() => {
    api = stubApi({ 'POST /v1/quotes': () => json(quoteResponse) });
  });

  it('asks exactly the fields the offer requires, with labels and autofill hints', async () => {
    const element = await loaded(await mount());
    await choose(element, 0);
    expect(inputs(element).map((field) => field.name)).to.deep.equal(['customer.name', 'customer.email', 'device.imei']);
    expect(input(element, 'customer.email').type).to.equal('email');
    expect(input(element, 'customer.email').autocomplete).to.equal('email');
    expect(input(element, 'device.imei').inputMode).to.equal('numeric');
    for (const field of inputs(element)) expect(field.labels?.[0]?.textContent?.trim()).to.not.equal('');

    await choose(element, 1);
    expect(inputs(element).map((field) => field.name)).to.deep.equal([
      'customer.name',
      'customer.email',
      'customer.phone',
      'customer.address.line1',
      'customer.address.line2',
      'customer.address.city',
      'customer.address.state',
      'customer.address.postalCode',
      'customer.address.country',
      'device.serial',
    ]);
    expect(input(element, 'customer.address.country').value).to.equal('IN');
    expect(input(element, 'customer.address.postalCode').autocomplete).to.equal('postal-code');
    expect(input(element, 'customer.phone').autocomplete).to.equal('tel');
  });

  it('shows schema errors next to the field once the shopper leaves it', async () => {
    const element = await loaded(await mount());
    await choose(element, 0);

    await type(element, 'device.imei', '490154203237519', { leave: false });
    expect(errorFor(element, 'device.imei').hidden, 'no error while still typing').to.equal(true);
    await type(element, 'device.imei', '490154203237519');
    expect(errorFor(element, 'device.imei').textContent).to.equal('This IMEI is not valid: check the digits');
    expect(input(element, 'device.imei').getAttribute('aria-invalid')).to.equal('true');
    expect(input(element, 'device.imei').getAttribute('aria-describedby')).to.include(errorFor(element, 'device.imei').id);

    await type(element, 'customer.email', 'asha@');
    expect(errorFor(element, 'customer.email').textContent).to.equal('Enter a valid email address');
    await type(element, 'customer.email', 'asha@example.com');
    expect(errorFor(element, 'customer.email').hidden).to.equal(true);
    expect(input(element, 'customer.email').getAttribute('aria-invalid')).to.equal('false');
  });

  it('checks every field on submit, announces the count and sends nothing', async () => {
    const element = await loaded(await mount());
    await choose(element, 0);
    await submit(element);
    await waitUntil(() => shadow(form(element)!).activeElement === input(element, 'customer.name'), 'focus did not move');
    expect(errorFor(element, 'customer.name').textContent).to.equal('Required');
    expect(shadow(form(element)!).querySelector('[role="status"]')!.textContent).to.equal('Please check 3 fields.');
    expect(api!.requests.filter((request) => request.url.endsWith('/orders'))).to.have.length(0);
  });

  it('asks for fresh offers before they expire, and keeps the plan the shopper picked', async () => {
    let quotes = 0;
    api = stubApi({
      'POST /v1/quotes': () => {
        quotes += 1;
        // Expiring in 61 s: the widget asks again a minute early, so after about a second.
        const expiresAt = new Date(Date.now() + 61_000).toISOString();
        return json({
          ...quoteResponse,
          offers: quoteResponse.offers.map((offer) => ({ ...offer, offerId: `${offer.offerId}-${quotes}`, expiresAt })),
        });
      },
    });
    const element = await loaded(await mount());
    await choose(element, 0);
    await type(element, 'customer.name', 'Asha Rao');
    await waitUntil(() => quotes >= 2, 'no fresh quote before expiry', { timeout: 5_000 });
    await waitUntil(() => form(element)?.offer?.offerId === `${quoteResponse.offers[0]!.offerId}-2`, 'the form kept the stale offer id', {
      timeout: 5_000,
    });
    expect(input(element, 'customer.name').value).to.equal('Asha Rao');
  });

  it('says what is wrong in the shopper language', async () => {
    const element = await loaded(await mount());
    element.locale = 'hi-IN';
    await choose(element, 0);
    await type(element, 'customer.email', 'asha@');
    await submit(element);
    await waitUntil(() => errorFor(element, 'customer.name').textContent === 'आवश्यक', 'the required field error is not in Hindi', {
      timeout: 5_000,
    });
    expect(errorFor(element, 'customer.email').textContent).to.equal('मान्य ईमेल पता लिखें');
  });
});

async function fillScreenOffer(element: CoverOffers) {
  await choose(element, 0);
  await type(element, 'customer.name', 'Asha Rao');
  await type(element, 'customer.email', 'asha@example.com');
  await type(element, 'device.imei', validImei);
}

describe('<cover-offers> creating the order', () => {
  it("maps the server's 400 field errors onto the fields", async () => {
    api = stubApi({
      'POST /v1/quotes': () => json(quoteResponse),
      'POST /v1/orders': () =>
        errorResponse(400, 'invalid_request', 'Some details need attention', [
          { path: 'customer.email', message: 'This address cannot receive policy documents' },
          { path: 'device.imei', message: 'This IMEI is already covered' },
        ]),
    });
    const element = await loaded(await mount());
    await fillScreenOffer(element);
    await submit(element); // to the review
    await agree(element);
    await submit(element); // confirm
    await waitUntil(() => input(element, 'customer.email') && !errorFor(element, 'customer.email').hidden, 'server errors were not shown');
    expect(errorFor(element, 'customer.email').textContent).to.equal('This address cannot receive policy documents');
    expect(errorFor(element, 'device.imei').textContent).to.equal('This IMEI is already covered');
    expect(input(element, 'device.imei').getAttribute('aria-invalid')).to.equal('true');
    expect(eventsNamed<CustomEvent>('cover-error')[0]!.detail.status).to.equal(400);

    await type(element, 'customer.email', 'asha.rao@example.com');
    expect(errorFor(element, 'customer.email').hidden, 'editing clears the server error').to.equal(true);
  });

  it('creates the order with the publishable key and one Idempotency-Key across retries', async () => {
    api = stubApi({
      'POST /v1/quotes': () => json(quoteResponse),
      'POST /v1/orders': [
        () => errorResponse(504, 'provider_timeout', 'The provider is slow to answer. Please try again.'),
        () => json({ order: createdOrder }, 201),
      ],
    });
    const logged: unknown[][] = [];
    const originals = { log: console.log, info: console.info, warn: console.warn, error: console.error };
    for (const level of Object.keys(originals) as (keyof typeof originals)[]) console[level] = (...args: unknown[]) => logged.push(args);
    try {
      const element = await loaded(await mount());
      await fillScreenOffer(element);
      await submit(element); // to the review
      await agree(element);
      await submit(element); // confirm
      await waitUntil(
        () => shadow(form(element)!).querySelector('[part="form-error"]')!.textContent!.includes('slow'),
        'retryable error not shown',
      );

      setTimeout(() => submit(element));
      const event = await oneEvent(element, 'cover-order-create');
      expect(event.detail.order).to.deep.equal(createdOrder);
      expect(event.detail.order.clientSecret).to.equal('ord_01JABCDEF_secret_abc');
      expect(event.detail.offer).to.deep.equal(screenOffer);

      const orders = api.requests.filter((request) => request.url === `${apiBase}/v1/orders`);
      expect(orders).to.have.length(2);
      const [first, second] = orders.map((request) => request.headers.get('Idempotency-Key'));
      expect(first).to.match(uuidPattern);
      expect(second).to.equal(first);
      expect(orders[1]!.headers.get('Authorization')).to.equal(`Bearer ${publishableKey}`);
      expect(orders[1]!.body).to.deep.equal({
        offerId: screenOffer.offerId,
        device: { brand: 'Samsung', model: 'Galaxy S23', imei: validImei },
        customer: { name: 'Asha Rao', email: 'asha@example.com' },
      });

      await waitUntil(() => shadow(element).querySelector('cover-order-summary')?.shadowRoot?.textContent, 'summary did not render');
      const summary = shadow(element).querySelector('cover-order-summary')!;
      await summary.updateComplete;
      expect(shadow(summary).textContent).to.include('Plan added — complete payment to activate').and.include('ord_01JABCDEF');
      expect(JSON.stringify(logged)).to.not.include('asha').and.not.include(validImei);
    } finally {
      Object.assign(console, originals);
    }
  });

  it('shows the policy when the host reports payment, without firing an event', async () => {
    api = stubApi({ 'POST /v1/quotes': () => json(quoteResponse) });
    const element = await loaded(await mount());
    const confirmed: Order = {
      ...createdOrder,
      status: 'active',
      policy: {
        provider: 'bigfix',
        reference: 'B250217P0010001',
        startsAt: '2026-11-21T00:00:00Z',
        endsAt: '2027-11-20T00:00:00Z',
        activationCode: null,
        certificate: false,
      },
    };
    element.showConfirmed(confirmed);
    await waitUntil(() => shadow(element).querySelector('cover-order-summary')?.shadowRoot?.textContent, 'summary did not render');
    const summary = shadow(element).querySelector('cover-order-summary')!;
    await summary.updateComplete;
    expect(shadow(summary).textContent).to.include('Your device is protected').and.include('B250217P0010001').and.include('Active');
    expect(shadow(summary).querySelector('[part="policy-reference"]')!.textContent).to.equal('B250217P0010001');
    expect(eventsNamed('cover-order-confirm')).to.have.length(0);
  });
});

describe('registration', () => {
  it('survives a second copy of the script and repeated define() calls', async () => {
    const originalWarn = console.warn;
    const warnings: unknown[] = [];
    console.warn = (...args: unknown[]) => warnings.push(args);
    try {
      expect(() => define('cover-offers', CoverOffers)).to.not.throw();
      expect(() => define('cover-offers', class extends HTMLElement {})).to.not.throw();
      const secondCopy = new URL('../../index.ts?second-copy', import.meta.url).href;
      const module = (await import(secondCopy)) as typeof import('../../index.ts');
      expect(module.CoverOffers).to.exist;
      expect(customElements.get('cover-offers')).to.equal(CoverOffers);
      expect(warnings).to.have.length(1);
    } finally {
      console.warn = originalWarn;
    }
  });
});

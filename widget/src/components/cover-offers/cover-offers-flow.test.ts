import { expect, fixture, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { CoverOffers } from '../../index.ts';
import '../../index.ts';
import type { Offer, Order, QuoteResponse } from '../../../../contract/types.ts';
import { expectNoAxeViolations } from '../../testing/axe.ts';
import {
  apiBase,
  createdOrder,
  errorResponse,
  json,
  publishableKey,
  quoteResponse,
  screenOffer,
  stubApi,
  validImei,
} from '../../testing/api-stub.ts';
import { stubXhr } from '../../testing/xhr-stub.ts';

let api: ReturnType<typeof stubApi> | undefined;
let xhr: ReturnType<typeof stubXhr> | undefined;

afterEach(() => {
  api?.restore();
  xhr?.restore();
  api = undefined;
  xhr = undefined;
});

const slow = { timeout: 10_000 };
const shadow = (element: Element) => element.shadowRoot!;
const inner = (element: CoverOffers, tag: 'cover-offer-list' | 'cover-offer-form' | 'cover-order-summary') =>
  shadow(element).querySelector(tag);
const offerElements = (element: CoverOffers) => [
  ...(inner(element, 'cover-offer-list')?.shadowRoot?.querySelectorAll<HTMLElement>('[part~="offer"]') ?? []),
];
const summaryRoot = (element: CoverOffers) => inner(element, 'cover-order-summary')?.shadowRoot;
const activationRoot = (element: CoverOffers) => summaryRoot(element)?.querySelector('cover-activation')?.shadowRoot;

function deepActiveElement(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

async function mount(attributes = 'locale="en-IN"') {
  return fixture<CoverOffers>(
    `<cover-offers publishable-key="${publishableKey}" api-base="${apiBase}" category="Mobile" brand="Samsung"
      model="Galaxy S23" price="74999" currency="INR" country="IN" poll-interval="50" ${attributes}></cover-offers>`,
  );
}

async function loaded(element: CoverOffers) {
  await waitUntil(() => offerElements(element).length > 0, 'offers did not render', slow);
  return element;
}

const needsImeiQuote: QuoteResponse = {
  offers: [screenOffer],
  unavailable: [
    { provider: 'assurify', code: 'needs_imei', message: 'Assurify needs the IMEI' },
    { provider: 'servify', code: 'needs_imei', message: 'Servify needs the IMEI' },
  ],
};
const assurifyOffer: Offer = {
  ...screenOffer,
  offerId: 'off_assurify.sig',
  provider: 'assurify',
  providerName: 'Assurify SmartShield',
  type: 'ADLD',
  name: 'SmartShield ADLD',
  covers: ['Drops', 'Liquid'],
  termsUrl: 'https://assurify.example/terms',
};

describe('<cover-offers> offers that need an IMEI first', () => {
  it('asks for the IMEI, checks it with the shared schema, and quotes again with it', async () => {
    api = stubApi({
      'POST /v1/quotes': [() => json(needsImeiQuote), () => json({ offers: [screenOffer, assurifyOffer], unavailable: [] })],
    });
    const element = await loaded(await mount());
    const prompt = () => shadow(element).querySelector<HTMLFormElement>('[part="imei-prompt"]');
    expect(prompt()!.textContent).to.include('Enter your IMEI to see plans from 2 more insurers');
    await expectNoAxeViolations(element, 'imei prompt');

    const field = prompt()!.querySelector('input')!;
    field.value = '490154203237519';
    prompt()!.requestSubmit();
    await waitUntil(() => field.getAttribute('aria-invalid') === 'true', 'invalid IMEI not flagged', slow);
    expect(prompt()!.querySelector('[part="field-error"]')!.textContent).to.equal('This IMEI is not valid: check the digits');
    expect(api.requests).to.have.length(1);

    field.value = validImei;
    prompt()!.requestSubmit();
    await waitUntil(() => offerElements(element).length === 2, 'no re-quote with the IMEI', slow);
    expect((api.requests[1]!.body as { device: { imei: string } }).device.imei).to.equal(validImei);
    expect(prompt()).to.equal(null);
    const list = inner(element, 'cover-offer-list')!.shadowRoot!;
    expect([...list.querySelectorAll('[part="group-heading"]')].map((heading) => heading.textContent)).to.deep.equal([
      'Accidental & liquid damage',
      'Screen protection',
    ]);
    // What each covers, and its terms, come with the details chunk the widget fetches once offers arrive.
    await waitUntil(() => list.querySelector('cover-offer-compare')?.shadowRoot?.querySelector('table'), 'no comparison', slow);
    const compare = list.querySelector('cover-offer-compare')!.shadowRoot!;
    expect(compare.querySelector('table')!.textContent).to.include('Drops').and.include('Liquid');
    expect(compare.querySelector<HTMLAnchorElement>('[part="terms-link"]')!.href).to.equal('https://assurify.example/terms');
  });

  it('filters offers by providers and plan-types', async () => {
    api = stubApi({ 'POST /v1/quotes': () => json({ offers: [screenOffer, assurifyOffer], unavailable: [] }) });
    const element = await loaded(await mount('locale="en-IN" plan-types="ADLD"'));
    expect(offerElements(element).map((offer) => offer.textContent)).to.have.length(1);
    expect(offerElements(element)[0]!.textContent).to.include('Assurify SmartShield');
    element.planTypes = '';
    element.providers = 'bigfix';
    await element.updateComplete;
    await inner(element, 'cover-offer-list')!.updateComplete;
    expect(offerElements(element)).to.have.length(1);
    expect(offerElements(element)[0]!.textContent).to.include('BigFix');
  });
});

describe('<cover-offers> keyboard only, with axe on every step', () => {
  it('buys a plan with Tab, Space, typing and Enter; focus follows each step', async () => {
    api = stubApi({ 'POST /v1/quotes': () => json(quoteResponse), 'POST /v1/orders': () => json({ order: createdOrder }, 201) });
    const element = await loaded(await mount());
    await expectNoAxeViolations(element, 'offers');

    await sendKeys({ press: 'Tab' });
    expect(deepActiveElement()?.getAttribute('name')).to.equal('offer');
    await sendKeys({ press: 'Space' });
    const form = () => inner(element, 'cover-offer-form')!;
    await waitUntil(() => form()?.shadowRoot?.querySelector('input'), 'form did not load', slow);
    await form().updateComplete;
    await expectNoAxeViolations(element, 'details form');

    // Each kind's "What this plan covers" (two kinds here), then "No thanks", then the form.
    for (let stop = 0; stop < 4; stop++) await sendKeys({ press: 'Tab' });
    expect(deepActiveElement()?.getAttribute('name')).to.equal('customer.name');
    await sendKeys({ type: 'Asha Rao' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: 'asha@example.com' });
    await sendKeys({ press: 'Tab' });
    expect(deepActiveElement()?.getAttribute('name')).to.equal('device.imei');
    await sendKeys({ type: validImei });
    await sendKeys({ press: 'Tab' });
    expect(deepActiveElement()?.getAttribute('part')).to.equal('submit-button');
    await sendKeys({ press: 'Enter' });

    await waitUntil(() => deepActiveElement()?.id === 'review-heading', 'focus did not move to the review', slow);
    expect(form().shadowRoot!.textContent).to.include('Asha Rao').and.include(validImei).and.include('₹1,499');
    await expectNoAxeViolations(element, 'review');
    await sendKeys({ press: 'Tab' }); // the consent box (its plan has no terms link)
    expect(deepActiveElement()?.getAttribute('name')).to.equal('consent');
    await sendKeys({ press: 'Space' });
    await sendKeys({ press: 'Tab' }); // Edit
    await sendKeys({ press: 'Tab' });
    expect(deepActiveElement()?.getAttribute('part')).to.include('confirm-button');
    setTimeout(() => void sendKeys({ press: 'Enter' }));
    const created = await oneEvent(element, 'cover-order-create');
    expect(created.detail.order.id).to.equal(createdOrder.id);

    await waitUntil(() => deepActiveElement()?.getAttribute('part') === 'summary-title', 'focus did not move to the summary', slow);
    await expectNoAxeViolations(element, 'awaiting payment');
  });

  it('has no axe violation in the loading, error and dark states', async () => {
    let release: (() => void) | undefined;
    api = stubApi({
      'POST /v1/quotes': [
        () =>
          new Promise((resolve) => (release = () => resolve(errorResponse(502, 'provider_failed', 'The plan providers did not answer.')))),
        () => json(quoteResponse),
      ],
    });
    const element = await mount('locale="en-IN" theme="dark"');
    await expectNoAxeViolations(element, 'loading');
    await waitUntil(() => release, 'no quote request');
    release!();
    await waitUntil(() => shadow(element).querySelector('[part="error"]'), 'no error state');
    await expectNoAxeViolations(element, 'error (dark)');
    shadow(element).querySelector<HTMLButtonElement>('[part="retry-button"]')!.click();
    await loaded(element);
    await expectNoAxeViolations(element, 'offers (dark)');
    expect(getComputedStyle(element).getPropertyValue('--cover-color-background').trim()).to.equal('#171a20');
  });
});

const paidOrder: Order = {
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

describe('<cover-offers> after payment', () => {
  it('polls the order with the client secret, fires cover-order-confirm once, and downloads the certificate', async () => {
    api = stubApi({
      'POST /v1/quotes': () => json(quoteResponse),
      [`GET /v1/orders/${createdOrder.id}`]: [() => json({ order: createdOrder }), () => json({ order: paidOrder })],
      [`GET /v1/orders/${createdOrder.id}/certificate`]: () => new Response(new Blob(['%PDF-1.4'], { type: 'application/pdf' })),
    });
    const element = await loaded(await mount());
    const confirms: Event[] = [];
    element.addEventListener('cover-order-confirm', (event) => confirms.push(event));
    // What the form does after creating an order, without filling it again.
    offerElements(element)[0]!.querySelector('input')!.click();
    await waitUntil(() => inner(element, 'cover-offer-form')?.shadowRoot?.querySelector('input'), 'form did not load', slow);
    inner(element, 'cover-offer-form')!.dispatchEvent(
      new CustomEvent('cover-order-create', { detail: { order: createdOrder, offer: screenOffer } }),
    );
    await waitUntil(() => summaryRoot(element)?.querySelector('[part="policy-reference"]'), 'policy not shown after polling', slow);
    expect(confirms).to.have.length(1);
    expect((confirms[0] as CustomEvent).detail.order.status).to.equal('active');
    const reads = api.requests.filter((request) => request.method === 'GET');
    expect(reads[0]!.headers.get('X-Client-Secret')).to.equal(createdOrder.clientSecret);
    expect(reads[0]!.headers.get('Authorization')).to.equal(`Bearer ${publishableKey}`);
    expect(summaryRoot(element)!.textContent).to.include('Your device is protected').and.include('21 Nov 2026');
    await expectNoAxeViolations(element, 'active with certificate');

    summaryRoot(element)!.querySelector<HTMLButtonElement>('[part="certificate-button"]')!.click();
    await waitUntil(() => api!.requests.some((request) => request.url.endsWith('/certificate')), 'certificate not fetched');
    const certificate = api.requests.find((request) => request.url.endsWith('/certificate'))!;
    expect(certificate.headers.get('X-Client-Secret')).to.equal(createdOrder.clientSecret);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(confirms).to.have.length(1);
  });

  it('activates an Octamile plan: code, video file, upload progress, 413 in words, then active', async () => {
    const pendingActivation: Order = {
      ...createdOrder,
      offer: { ...createdOrder.offer, provider: 'octamile', price: { amount: 4500, currency: 'NGN' } },
      status: 'pending_activation',
      policy: {
        provider: 'octamile',
        reference: 'a'.repeat(32),
        startsAt: null,
        endsAt: null,
        activationCode: 'OCT-4821',
        certificate: false,
      },
    };
    api = stubApi({
      'POST /v1/quotes': () => json(quoteResponse),
      [`GET /v1/orders/${createdOrder.id}`]: [
        () => json({ order: pendingActivation }),
        () => json({ order: { ...paidOrder, policy: { ...paidOrder.policy!, certificate: false } } }),
      ],
    });
    xhr = stubXhr([
      { status: 413, body: { error: { code: 'payload_too_large', message: 'Too large', requestId: 'r' } } },
      { status: 202, body: { order: pendingActivation } },
    ]);
    const element = await loaded(await mount('locale="en-NG"'));
    element.showConfirmed(pendingActivation);
    await waitUntil(() => activationRoot(element)?.querySelector('[part="activation-code"]'), 'activation step not shown', slow);
    const activation = activationRoot(element)!;
    expect(activation.querySelector('[part="activation-code"]')!.textContent).to.equal('OCT-4821');
    await expectNoAxeViolations(element, 'activation');

    const fileInput = activation.querySelector<HTMLInputElement>('[part="file-input"]')!;
    expect(fileInput.accept).to.equal('video/*');
    const transfer = new DataTransfer();
    transfer.items.add(new File(['video'], 'clip.mp4', { type: 'video/mp4' }));
    fileInput.files = transfer.files;
    fileInput.dispatchEvent(new Event('change'));
    await waitUntil(() => activation.querySelector('[part="upload-button"]:enabled'), 'upload button not enabled');
    activation.querySelector<HTMLButtonElement>('[part="upload-button"]')!.click();
    await waitUntil(() => activation.querySelector('[part="progress"]'), 'no progress bar');
    await waitUntil(() => activation.querySelector('[role="alert"]')!.textContent!.includes('too large'), '413 not explained', slow);

    activation.querySelector<HTMLButtonElement>('[part="upload-button"]')!.click();
    await waitUntil(() => summaryRoot(element)?.textContent?.includes('Your device is protected'), 'not active after upload', slow);
    const [, upload] = xhr.uploads;
    expect(upload!.url).to.equal(`${apiBase}/v1/orders/${createdOrder.id}/activation`);
    expect(upload!.headers['X-Client-Secret']).to.equal(createdOrder.clientSecret);
    expect((upload!.body.get('video') as File).name).to.equal('clip.mp4');
  });
});

describe('<cover-offers> words, money and dates in the shopper locale', () => {
  it('speaks Hindi for hi-IN and formats rupees', async () => {
    api = stubApi({ 'POST /v1/quotes': () => json(quoteResponse) });
    const element = await loaded(await mount('locale="hi-IN"'));
    await waitUntil(() => shadow(element).querySelector('[part="heading"]')!.textContent!.includes('सुरक्षित'), 'no Hindi heading', slow);
    const list = inner(element, 'cover-offer-list')!.shadowRoot!;
    await waitUntil(() => list.textContent!.includes('स्क्रीन सुरक्षा'), 'list not in Hindi', slow);
    expect(list.querySelector('[part="price"]')!.textContent).to.equal('₹1,499');
    expect(list.textContent).to.include('12 महीने');
    await expectNoAxeViolations(element, 'Hindi offers');
    element.locale = 'en-IN';
    await waitUntil(
      () => shadow(element).querySelector('[part="heading"]')!.textContent!.includes('Protect your'),
      'not back to English',
      slow,
    );
  });

  for (const [locale, currency, expected] of [
    ['en-NG', 'NGN', '₦4,500'],
    ['en-US', 'USD', '$4,500'],
    ['en-IN', 'INR', '₹4,500'],
  ] as const) {
    it(`formats ${currency} for ${locale}`, async () => {
      api = stubApi({
        'POST /v1/quotes': () => json({ offers: [{ ...screenOffer, price: { amount: 4500, currency } }], unavailable: [] }),
      });
      const element = await loaded(await mount(`locale="${locale}"`));
      const price = inner(element, 'cover-offer-list')!.shadowRoot!.querySelector('[part="price"]')!.textContent;
      expect(price).to.equal(expected);
    });
  }

  it('lets the merchant override wording by message id', async () => {
    api = stubApi({ 'POST /v1/quotes': () => json(quoteResponse) });
    const element = await loaded(await mount());
    element.strings = { 'offers.decline': 'Skip protection', 'offers.heading': 'Cover your {0}' };
    await element.updateComplete;
    expect(shadow(element).querySelector('[part="decline-button"]')!.textContent!.trim()).to.equal('Skip protection');
    expect(shadow(element).querySelector('[part="heading"]')!.textContent!.trim()).to.equal('Cover your Galaxy S23');
    element.strings = {};
  });
});

describe('<cover-offers> layouts', () => {
  it('modal: a launcher opens a dialog that keeps focus inside and closes on Escape', async () => {
    api = stubApi({ 'POST /v1/quotes': () => json(quoteResponse) });
    const element = await mount('locale="en-IN" layout="modal"');
    await waitUntil(
      () => shadow(element).querySelector('[part="launcher"]')?.textContent?.includes('from ₹1,499'),
      'launcher without price',
      slow,
    );
    const dialog = shadow(element).querySelector('dialog')!;
    expect(dialog.open).to.equal(false);
    await element.open();
    expect(dialog.open).to.equal(true);
    expect(deepActiveElement()?.id).to.equal('heading');
    await waitUntil(() => offerElements(element).length > 0, 'offers not in the dialog');
    await expectNoAxeViolations(element, 'modal open');
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !dialog.open, 'Escape did not close the dialog');
  });

  it('reset() goes back to the offers and forgets the order', async () => {
    api = stubApi({ 'POST /v1/quotes': () => json(quoteResponse) });
    const element = await loaded(await mount());
    element.showConfirmed(paidOrder);
    await waitUntil(() => summaryRoot(element), 'summary not shown', slow);
    element.reset();
    await loaded(element);
    expect(inner(element, 'cover-order-summary')).to.equal(null);
  });
});

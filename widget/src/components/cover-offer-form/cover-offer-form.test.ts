import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { createApiClient } from '../../api/client.ts';
import { define } from '../../internal/define.ts';
import { loadPhoneParser } from '../../internal/order-request.ts';
import { CoverOfferForm } from './cover-offer-form.ts';
import {
  apiBase,
  comprehensiveOffer,
  createdOrder,
  errorResponse,
  json,
  publishableKey,
  screenOffer,
  stubApi,
  validImei,
} from '../../testing/api-stub.ts';

define('cover-offer-form', CoverOfferForm);

let api: ReturnType<typeof stubApi> | undefined;

afterEach(() => {
  api?.restore();
  api = undefined;
});

async function mount(offer = screenOffer, { imei = '', strings = {} as Record<string, string> } = {}) {
  const client = createApiClient({ apiBase, publishableKey });
  const element = await fixture<CoverOfferForm>(
    html`<cover-offer-form
      .offer=${offer}
      .client=${client}
      .strings=${strings}
      country="IN"
      brand="Samsung"
      model="Galaxy S23"
      imei=${imei}
      locale="en-IN"
    ></cover-offer-form>`,
  );
  return { element, root: element.shadowRoot! };
}

const input = (root: ShadowRoot, name: string) => root.querySelector<HTMLInputElement>(`input[name="${name}"]`)!;
const errorFor = (root: ShadowRoot, name: string) => root.querySelector<HTMLElement>(`#${input(root, name).id}-error`)!;

async function type(element: CoverOfferForm, name: string, value: string) {
  const field = input(element.shadowRoot!, name);
  field.value = value;
  field.dispatchEvent(new InputEvent('input'));
  field.dispatchEvent(new FocusEvent('blur'));
  await element.updateComplete;
}

/** Ticks "I have read and agree to the plan terms" on the review. */
async function agree(element: CoverOfferForm) {
  const box = element.shadowRoot!.querySelector<HTMLInputElement>('input[name="consent"]')!;
  box.click();
  await element.updateComplete;
}

async function submit(element: CoverOfferForm) {
  element.shadowRoot!.querySelector('form')!.requestSubmit();
  await element.updateComplete;
}

async function fill(element: CoverOfferForm) {
  await type(element, 'customer.name', 'Asha Rao');
  await type(element, 'customer.email', 'asha@example.com');
  await type(element, 'device.imei', validImei);
}

describe('<cover-offer-form>', () => {
  it('asks exactly what the offer requires, prefilling the IMEI and the country', async () => {
    const { root } = await mount(screenOffer, { imei: validImei });
    expect([...root.querySelectorAll('input')].map((field) => field.name)).to.deep.equal([
      'customer.name',
      'customer.email',
      'device.imei',
    ]);
    expect(input(root, 'device.imei').value).to.equal(validImei);

    const other = await mount(comprehensiveOffer);
    const country = other.root.querySelector<HTMLSelectElement>('select[name="customer.address.country"]')!;
    expect(country.value).to.equal('IN');
    expect([...country.options].map((option) => option.textContent)).to.include.members(['India', 'Nigeria', 'United States']);
    expect(input(other.root, 'customer.address.postalCode').inputMode).to.equal('numeric');
    // The number as Indians write it; the form adds +91 itself.
    expect(other.root.querySelector(`#${input(other.root, 'customer.phone').id}-hint`)!.textContent).to.include('98123 45678');
  });

  it('shows a field’s error once the shopper leaves it, and clears it once fixed', async () => {
    const { element, root } = await mount();
    expect(errorFor(root, 'customer.email').hidden).to.equal(true);
    await type(element, 'customer.email', 'asha@');
    expect(errorFor(root, 'customer.email').textContent).to.equal('Enter a valid email address');
    expect(input(root, 'customer.email').getAttribute('aria-invalid')).to.equal('true');
    await type(element, 'customer.email', 'asha@example.com');
    expect(errorFor(root, 'customer.email').hidden).to.equal(true);
  });

  it('on submit checks every field, announces how many need attention and sends nothing', async () => {
    api = stubApi({});
    const { element, root } = await mount();
    await submit(element);
    await waitUntil(() => root.querySelector('[role="status"]')!.textContent === 'Please check 3 fields.', 'count not announced');
    expect(errorFor(root, 'customer.name').textContent).to.equal('Required');
    expect(root.activeElement).to.equal(input(root, 'customer.name'));
    expect(api.requests).to.have.length(0);
  });

  it('shows a review with the plan in the locale, and Edit goes back with the values kept', async () => {
    const { element, root } = await mount();
    await fill(element);
    await submit(element);
    const review = root.querySelector('[part="review"]')!;
    // Named once, as kind · term · insurer (the provider's own product name would repeat the kind).
    expect(review.textContent).to.include('Screen protection · 12 months · BigFix').and.include('₹1,499');
    expect(review.textContent).not.to.include('Screen Guard');
    expect(review.textContent).to.include('Asha Rao').and.include('asha@example.com');
    root.querySelector<HTMLButtonElement>('[part="edit-button"]')!.click();
    await element.updateComplete;
    expect(input(root, 'customer.name').value).to.equal('Asha Rao');
  });

  it('creates the order through its client and fires cover-order-create with the order and offer', async () => {
    api = stubApi({ 'POST /v1/orders': () => json({ order: createdOrder }, 201) });
    const { element } = await mount();
    await fill(element);
    await submit(element);
    await agree(element);
    setTimeout(() => void submit(element));
    const event = await oneEvent(element, 'cover-order-create');
    expect(event.detail).to.deep.equal({ order: createdOrder, offer: screenOffer });
    expect(event.bubbles && event.composed).to.equal(true);
    const [request] = api.requests;
    expect(request!.headers.get('Authorization')).to.equal(`Bearer ${publishableKey}`);
    expect(request!.headers.get('Idempotency-Key')).to.match(/^[0-9a-f-]{36}$/);
    expect(request!.body).to.deep.equal({
      offerId: screenOffer.offerId,
      device: { brand: 'Samsung', model: 'Galaxy S23', imei: validImei },
      customer: { name: 'Asha Rao', email: 'asha@example.com' },
    });
  });

  it('shows a refusal in words and fires cover-error', async () => {
    api = stubApi({ 'POST /v1/orders': () => errorResponse(422, 'device_ineligible', 'This phone cannot be covered by this plan.') });
    const { element, root } = await mount();
    await fill(element);
    await submit(element);
    await agree(element);
    setTimeout(() => void submit(element));
    const event = await oneEvent(element, 'cover-error');
    expect(event.detail).to.deep.equal({ code: 'device_ineligible', message: 'This phone cannot be covered by this plan.', status: 422 });
    await waitUntil(() => root.querySelector('[part="form-error"]')!.textContent === 'This phone cannot be covered by this plan.');
  });

  it('uses the wording it is given', async () => {
    const { root } = await mount(screenOffer, { strings: { 'form.heading': 'A few details', 'field.name': 'Your name' } });
    expect(root.querySelector('#form-heading')!.textContent).to.equal('A few details');
    expect(input(root, 'customer.name').labels![0]!.textContent!.trim()).to.equal('Your name');
  });

  it('creates no order until the shopper agrees to the terms, which it links with the underwriter and free-look period', async () => {
    api = stubApi({ 'POST /v1/orders': () => json({ order: createdOrder }, 201) });
    const terms = { url: 'https://bigfix.example/terms', underwriter: 'BigFix General Insurance Ltd', freeLookDays: 15 };
    const { element, root } = await mount({ ...screenOffer, terms });
    await fill(element);
    await submit(element);
    const review = root.querySelector('[part="review"]')!;
    expect(review.textContent).to.include('Underwritten by').and.include('BigFix General Insurance Ltd');
    expect(review.textContent).to.include('within 15 days of buying for a full refund').and.include('To claim');
    expect(review.querySelector<HTMLAnchorElement>('[part="terms-link"]')!.href).to.equal('https://bigfix.example/terms');
    await submit(element);
    const consent = root.querySelector<HTMLInputElement>('input[name="consent"]')!;
    await waitUntil(() => consent.getAttribute('aria-invalid') === 'true', 'refusal not shown');
    expect(root.querySelector('#consent-error')!.textContent).to.equal('Please agree to the plan terms to add the plan.');
    expect(root.activeElement).to.equal(consent);
    expect(api.requests).to.have.length(0);
    await agree(element);
    setTimeout(() => void submit(element));
    await oneEvent(element, 'cover-order-create');
    expect(api.requests).to.have.length(1);
  });

  it('takes a 10-digit Indian mobile number as typed and sends it in international format', async () => {
    api = stubApi({ 'POST /v1/orders': () => json({ order: createdOrder }, 201) });
    const offer = { ...screenOffer, requires: [...screenOffer.requires, 'customer.phone' as const] };
    const { element, root } = await mount(offer);
    // The parser arrives in a chunk of its own once a plan asks for a phone number.
    await loadPhoneParser();
    await fill(element);
    await type(element, 'customer.phone', '98123 45678');
    expect(errorFor(root, 'customer.phone').hidden).to.equal(true);
    await submit(element);
    await agree(element);
    setTimeout(() => void submit(element));
    await oneEvent(element, 'cover-order-create');
    expect((api.requests[0]!.body as { customer: { phone: string } }).customer.phone).to.equal('+919812345678');
  });

  it('does not ask the manufacturer’s warranty the merchant already gave, and sends it', async () => {
    api = stubApi({ 'POST /v1/orders': () => json({ order: createdOrder }, 201) });
    const offer = { ...screenOffer, requires: [...screenOffer.requires, 'device.brandWarrantyYears' as const] };
    const { element, root } = await mount(offer);
    expect(root.querySelector('input[name="device.brandWarrantyYears"]')).to.not.equal(null);
    element.brandWarrantyYears = 1;
    await element.updateComplete;
    expect(root.querySelector('input[name="device.brandWarrantyYears"]')).to.equal(null);
    await fill(element);
    await submit(element);
    await agree(element);
    setTimeout(() => void submit(element));
    await oneEvent(element, 'cover-order-create');
    expect((api.requests[0]!.body as { device: { brandWarrantyYears: number } }).device.brandWarrantyYears).to.equal(1);
  });

  it('asks a laptop plan for the serial number and says where to find it', async () => {
    const offer = { ...screenOffer, requires: ['device.serial' as const, 'customer.name' as const] };
    const { root } = await mount(offer);
    const serial = input(root, 'device.serial');
    expect(serial.labels![0]!.textContent!.trim()).to.equal('Serial number');
    expect(root.querySelector(`#${serial.id}-hint`)!.textContent).to.include('underneath the laptop');
    expect(root.querySelector('input[name="device.imei"]')).to.equal(null);
  });
});

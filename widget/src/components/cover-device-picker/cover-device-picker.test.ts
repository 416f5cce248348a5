import { expect, fixture, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../index.ts';
import type { CoverOffers } from '../../index.ts';
import type { Catalog } from '../../../../contract/types.ts';
import { expectNoAxeViolations } from '../../testing/axe.ts';
import { apiBase, errorResponse, json, publishableKey, quoteResponse, stubApi } from '../../testing/api-stub.ts';

const catalog: Catalog = {
  categories: ['Laptop', 'Mobile'],
  brands: [
    { name: 'Samsung', category: 'Mobile', models: ['Galaxy S24', 'Galaxy S23', 'Galaxy A55'], providers: ['bigfix', 'assurify'] },
    { name: 'Apple', category: 'Mobile', models: ['iPhone 16', 'iPhone 15'], providers: ['bigfix'] },
    { name: 'Tecno', category: 'Mobile', models: ['Spark 20'], providers: ['octamile'] },
    { name: 'Nothing', category: 'Mobile', models: [], providers: ['servify'] },
    { name: 'Dell', category: 'Laptop', models: ['XPS 13'], providers: ['bigfix'] },
  ],
  currencies: ['INR'],
  countries: ['IN'],
  providers: [{ id: 'bigfix', name: 'BigFix', mode: 'sandbox' }],
};

let api: ReturnType<typeof stubApi> | undefined;
let deviceChanges: CustomEvent[] = [];
const recordChange = (event: Event) => deviceChanges.push(event as CustomEvent);

beforeEach(() => {
  deviceChanges = [];
  document.addEventListener('cover-device-change', recordChange);
});

afterEach(() => {
  api?.restore();
  api = undefined;
  document.removeEventListener('cover-device-change', recordChange);
});

async function mount(extraAttributes = '') {
  return fixture<CoverOffers>(
    `<cover-offers publishable-key="${publishableKey}" api-base="${apiBase}" category="Mobile"
      price="74999" currency="INR" country="IN" locale="en-IN" ${extraAttributes}></cover-offers>`,
  );
}

const picker = (element: CoverOffers) => element.shadowRoot!.querySelector('cover-device-picker');
const field = <T extends HTMLElement>(element: CoverOffers, id: string) => picker(element)?.shadowRoot?.querySelector<T>(`#${id}`);
const optionTexts = (select: HTMLSelectElement) => [...select.options].map((option) => option.textContent!.trim());
const offerCount = (element: CoverOffers) =>
  element.shadowRoot!.querySelector('cover-offer-list')?.shadowRoot?.querySelectorAll('[part~="offer"]').length ?? 0;

async function ready(element: CoverOffers) {
  await waitUntil(() => field<HTMLSelectElement>(element, 'brand')?.disabled === false, 'the brand picker did not load', {
    timeout: 10_000,
  });
  return element;
}

async function choose(element: CoverOffers, id: string, value: string) {
  const control = field<HTMLSelectElement | HTMLInputElement>(element, id)!;
  control.value = value;
  control.dispatchEvent(new Event('change', { bubbles: true }));
  await picker(element)!.updateComplete;
  await element.updateComplete;
}

describe('<cover-offers> brand and model pickers', () => {
  it('lists the brands of the category from the catalog, then that brand’s models, and quotes once both are picked', async () => {
    api = stubApi({ 'GET /v1/catalog': () => json(catalog), 'POST /v1/quotes': () => json(quoteResponse) });
    const element = await ready(await mount());

    const brand = field<HTMLSelectElement>(element, 'brand')!;
    const model = field<HTMLSelectElement>(element, 'model')!;
    expect(brand.labels[0]!.textContent!.trim()).to.equal('Brand');
    expect(model.labels[0]!.textContent!.trim()).to.equal('Model');
    expect(optionTexts(brand)).to.deep.equal(['Choose a brand', 'Apple', 'Nothing', 'Samsung', 'Tecno']);
    expect(model.disabled).to.be.true;
    expect(element.shadowRoot!.querySelector('[part="picker-hint"]')).to.exist;
    expect(api.requests.map((request) => `${request.method} ${new URL(request.url).pathname}`)).to.deep.equal(['GET /v1/catalog']);
    expect(api.requests[0]!.headers.get('Authorization')).to.equal(`Bearer ${publishableKey}`);
    await expectNoAxeViolations(element, 'picker, nothing picked');

    await choose(element, 'brand', 'Samsung');
    const models = field<HTMLSelectElement>(element, 'model')!;
    expect(models.disabled).to.be.false;
    expect(optionTexts(models)).to.deep.equal(['Choose a model', 'Galaxy A55', 'Galaxy S23', 'Galaxy S24']);
    expect(api.requests).to.have.length(1);

    await choose(element, 'model', 'Galaxy S23');
    await waitUntil(() => offerCount(element) === 2, 'offers did not render');
    expect(api.requests[1]!.body).to.deep.equal({
      device: { category: 'Mobile', brand: 'Samsung', model: 'Galaxy S23', price: 74999, currency: 'INR' },
      country: 'IN',
    });
    expect(deviceChanges.map((event) => event.detail)).to.deep.equal([
      { category: 'Mobile', brand: 'Samsung', model: '' },
      { category: 'Mobile', brand: 'Samsung', model: 'Galaxy S23' },
    ]);
    expect(element.shadowRoot!.querySelector('#heading')!.textContent).to.include('Galaxy S23');
    expect(element.brand, 'the attributes stay as the page set them').to.equal('');
    await expectNoAxeViolations(element, 'picker with offers');

    // Another brand forgets the model and the offers until a model of that brand is picked.
    await choose(element, 'brand', 'Apple');
    await waitUntil(() => offerCount(element) === 0, 'offers of the previous model stayed');
    expect(field<HTMLSelectElement>(element, 'model')!.value).to.equal('');
    expect(api.requests).to.have.length(2);
  });

  it('works from the keyboard', async () => {
    api = stubApi({ 'GET /v1/catalog': () => json(catalog), 'POST /v1/quotes': () => json(quoteResponse) });
    const element = await ready(await mount());
    field<HTMLSelectElement>(element, 'brand')!.focus();
    await sendKeys({ press: 'ArrowDown' });
    await waitUntil(() => deviceChanges.length === 1, 'arrow key did not pick a brand');
    expect(deviceChanges[0]!.detail.brand).to.equal('Apple');
    await sendKeys({ press: 'Tab' });
    await picker(element)!.updateComplete;
    expect(picker(element)!.shadowRoot!.activeElement?.id).to.equal('model');
    await sendKeys({ press: 'ArrowDown' });
    await waitUntil(() => offerCount(element) === 2, 'offers did not render');
    expect((api.requests[1]!.body as { device: { model: string } }).device.model).to.equal('iPhone 15');
  });

  it('lets the shopper type the model where no provider lists models for the brand', async () => {
    api = stubApi({ 'GET /v1/catalog': () => json(catalog), 'POST /v1/quotes': () => json(quoteResponse) });
    const element = await ready(await mount());
    await choose(element, 'brand', 'Nothing');
    const model = field<HTMLInputElement>(element, 'model')!;
    expect(model.tagName).to.equal('INPUT');
    expect(model.labels![0]!.textContent!.trim()).to.equal('Model');
    await expectNoAxeViolations(element, 'picker with a typed model');
    await choose(element, 'model', 'Phone (2a)');
    await waitUntil(() => offerCount(element) === 2, 'offers did not render');
    expect((api.requests[1]!.body as { device: { brand: string; model: string } }).device).to.include({
      brand: 'Nothing',
      model: 'Phone (2a)',
    });
  });

  it('offers only brands the `providers` attribute allows, preselected by `brand` with the `picker` attribute', async () => {
    api = stubApi({ 'GET /v1/catalog': () => json(catalog), 'POST /v1/quotes': () => json(quoteResponse) });
    const element = await ready(await mount('picker providers="bigfix" brand="Samsung" model="Galaxy S24"'));
    expect(optionTexts(field<HTMLSelectElement>(element, 'brand')!)).to.deep.equal(['Choose a brand', 'Apple', 'Samsung']);
    expect(field<HTMLSelectElement>(element, 'brand')!.value).to.equal('Samsung');
    expect(field<HTMLSelectElement>(element, 'model')!.value).to.equal('Galaxy S24');
    // `providers` filters the offers too: only BigFix's.
    await waitUntil(() => offerCount(element) === 1, 'preselected device was not quoted');
  });

  it('loads neither the pickers nor the catalog when the page names the device', async () => {
    api = stubApi({ 'GET /v1/catalog': () => json(catalog), 'POST /v1/quotes': () => json(quoteResponse) });
    const element = await mount('brand="Samsung" model="Galaxy S23"');
    await waitUntil(() => offerCount(element) === 2, 'offers did not render');
    expect(picker(element)).to.equal(null);
    expect(api.requests.map((request) => new URL(request.url).pathname)).to.deep.equal(['/v1/quotes']);
  });

  it('switches to the pickers when a framework removes the brand and model attributes', async () => {
    api = stubApi({ 'GET /v1/catalog': () => json(catalog), 'POST /v1/quotes': () => json(quoteResponse) });
    const element = await mount('brand="Samsung" model="Galaxy S23"');
    await waitUntil(() => offerCount(element) === 2, 'offers did not render');
    element.removeAttribute('brand');
    element.removeAttribute('model');
    await ready(element);
    expect(offerCount(element)).to.equal(0);
  });

  it('says when the catalog cannot be loaded, and retries', async () => {
    api = stubApi({
      'GET /v1/catalog': [() => errorResponse(502, 'provider_failed', 'down'), () => json(catalog)],
    });
    const errors: CustomEvent[] = [];
    const recordError = (event: Event) => errors.push(event as CustomEvent);
    document.addEventListener('cover-error', recordError);
    const element = await mount();
    await waitUntil(() => picker(element)?.shadowRoot?.querySelector('[part="picker-error"]'), 'no error shown', { timeout: 10_000 });
    document.removeEventListener('cover-error', recordError);
    expect(errors[0]!.detail.code).to.equal('provider_failed');
    await expectNoAxeViolations(element, 'catalog error');
    picker(element)!.shadowRoot!.querySelector<HTMLButtonElement>('[part="retry-button"]')!.click();
    await ready(element);
  });
});

import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../index.ts';
import type { CoverOfferList } from '../../index.ts';
import type { Offer } from '../../../../contract/types.ts';
import { loadForm } from '../../internal/load-steps.ts';
import { comprehensiveOffer, screenOffer } from '../../testing/api-stub.ts';

const warrantyOffer: Offer = {
  ...screenOffer,
  offerId: 'off_octamile_ew.sig',
  provider: 'octamile',
  providerName: undefined,
  type: 'EW',
  name: 'Extended Care',
  termMonths: 36,
  price: { amount: 4500, currency: 'NGN' },
  covers: ['Breakdown', 'Battery'],
  terms: { url: 'https://octamile.example/terms', underwriter: 'Octamile Assurance', freeLookDays: 7 },
};

/** Three accidental-damage offers: the 2-year one costs the least per month, so it comes first. */
const adld = (offerId: string, provider: string, termMonths: number, amount: number, covers: string[]): Offer => ({
  ...screenOffer,
  offerId,
  provider,
  providerName: provider === 'bigfix' ? 'BigFix' : 'Assurify SmartShield',
  type: 'ADLD',
  name: `${provider} plan ${termMonths}`,
  termMonths,
  price: { amount, currency: 'INR' },
  covers,
});
const adldOffers = [
  adld('a1', 'bigfix', 12, 2499, ['Drops', 'Liquid spills']),
  adld('a2', 'bigfix', 24, 4299, ['Drops', 'Liquid spills']),
  adld('a3', 'assurify', 12, 5250, ['Drops']),
];

async function mount(offers: Offer[], { locale = 'en-IN', compact = false, strings = {} as Record<string, string> } = {}) {
  const element = await fixture<CoverOfferList>(
    html`<cover-offer-list .offers=${offers} locale=${locale} ?compact=${compact} .strings=${strings}></cover-offer-list>`,
  );
  return { element, root: element.shadowRoot! };
}

const offerParts = (root: ShadowRoot) => [...root.querySelectorAll<HTMLElement>('[part~="offer"]')];
/** What a sighted shopper reads as the offer's name (the kind is the group heading above it). */
const visibleName = (offer: HTMLElement) => {
  const name = offer.querySelector('[part="offer-name"]')!;
  return name.textContent!.replace(name.querySelector('[part="offer-type"]')!.textContent!, '').trim();
};

describe('<cover-offer-list>', () => {
  it('groups offers by kind of cover in a fixed order, each named term · insurer, priced in the locale', async () => {
    const { root } = await mount([comprehensiveOffer, screenOffer, warrantyOffer]);
    const headings = [...root.querySelectorAll('[part="group-heading"]')].map((heading) => heading.textContent);
    expect(headings).to.deep.equal(['Extended warranty', 'Screen protection', 'Comprehensive cover']);
    // The server's providerName; the provider id where an offer has none.
    expect(offerParts(root).map(visibleName)).to.deep.equal(['3 years · octamile', '12 months · BigFix', '2 years · Servify']);
    // Screen readers hear the kind too, since the heading is hidden from them.
    expect(offerParts(root)[1]!.querySelector('[part="offer-name"]')!.textContent).to.match(/^Screen protection · 12 months · BigFix$/);
    const prices = offerParts(root).map((offer) => offer.querySelector('[part="price"]')!.textContent);
    expect(prices).to.deep.equal(['NGN\u00a04,500', '₹1,499', '₹4,999.50']);
  });

  it('shows the best offer of a kind first and folds the others behind "Other plans"', async () => {
    const { element, root } = await mount(adldOffers);
    const group = root.querySelector('[part="group"]')!;
    const [best] = offerParts(root);
    expect(visibleName(best!)).to.equal('2 years · BigFix');
    const folded = group.querySelector('details')!;
    expect(folded.open).to.equal(false);
    expect(folded.querySelector('summary')!.textContent!.trim()).to.equal('Other plans (2)');
    expect([...folded.querySelectorAll<HTMLElement>('[part~="offer"]')].map(visibleName)).to.deep.equal([
      '12 months · BigFix',
      '12 months · Assurify SmartShield',
    ]);
    // A folded offer picked by code is shown.
    element.selectedOfferId = 'a3';
    await element.updateComplete;
    expect(folded.open).to.equal(true);
  });

  it('compares what each offer of a kind covers once the details chunk is loaded, and says why the first is best', async () => {
    await loadForm();
    const { root } = await mount(adldOffers);
    const compare = root.querySelector('cover-offer-compare')!;
    await compare.updateComplete;
    const shadow = compare.shadowRoot!;
    expect(shadow.querySelector('[part="why"]')!.textContent).to.include('lowest price per month').and.include('3 plans');
    const headers = [...shadow.querySelectorAll('thead th')].map((cell) => cell.textContent!.trim());
    expect(headers).to.deep.equal(['2 years · BigFix', '12 months · BigFix', '12 months · Assurify SmartShield']);
    const liquid = [...shadow.querySelectorAll('tbody tr')].find((row) => row.querySelector('th')!.textContent === 'Liquid spills')!;
    expect([...liquid.querySelectorAll('td')].map((cell) => cell.textContent!.includes('Not included'))).to.deep.equal([
      false,
      false,
      true,
    ]);
  });

  it('links the terms and names the underwriter and the free-look period in the comparison', async () => {
    await loadForm();
    const { root } = await mount([warrantyOffer]);
    const compare = root.querySelector('cover-offer-compare')!;
    await compare.updateComplete;
    const shadow = compare.shadowRoot!;
    const terms = shadow.querySelector<HTMLAnchorElement>('[part="terms-link"]')!;
    expect(terms.href).to.equal('https://octamile.example/terms');
    expect(terms.target).to.equal('_blank');
    expect(terms.rel).to.include('noopener');
    expect(shadow.textContent).to.include('Octamile Assurance').and.include('7 days');
    // One offer: nothing to be "best" against.
    expect(shadow.querySelector('[part="why"]')).to.equal(null);

    const compact = await mount([warrantyOffer], { compact: true });
    expect(compact.root.querySelector('cover-offer-compare')).to.equal(null);
  });

  it('never links a terms URL that is not a web address', async () => {
    await loadForm();
    const { root } = await mount([{ ...warrantyOffer, terms: { ...warrantyOffer.terms!, url: 'javascript:alert(1)' } }]);
    const compare = root.querySelector('cover-offer-compare')!;
    await compare.updateComplete;
    expect(compare.shadowRoot!.querySelector('[part="terms-link"]')).to.equal(null);
  });

  it('fires cover-offer-select (bubbling, composed) when the shopper picks an offer, and marks it selected', async () => {
    const { element, root } = await mount([screenOffer, comprehensiveOffer]);
    setTimeout(() => offerParts(root)[1]!.querySelector('input')!.click());
    const event = await oneEvent(element, 'cover-offer-select');
    expect(event.detail.offer).to.deep.equal(comprehensiveOffer);
    expect(event.bubbles && event.composed).to.equal(true);
    await element.updateComplete;
    expect(element.selectedOfferId).to.equal(comprehensiveOffer.offerId);
    expect(offerParts(root)[1]!.getAttribute('part')).to.include('offer-selected');
  });

  it('fires nothing when the selection is set by code', async () => {
    const { element, root } = await mount([screenOffer, comprehensiveOffer]);
    const events: Event[] = [];
    element.addEventListener('cover-offer-select', (event) => events.push(event));
    element.selectedOfferId = screenOffer.offerId;
    await element.updateComplete;
    expect(offerParts(root)[0]!.querySelector('input')!.checked).to.equal(true);
    expect(events).to.have.length(0);
  });

  it('uses the wording it is given', async () => {
    const { root } = await mount([screenOffer], { strings: { 'list.name': '{1}, {0}' } });
    expect(visibleName(offerParts(root)[0]!)).to.equal('BigFix, 12 months');
  });
});

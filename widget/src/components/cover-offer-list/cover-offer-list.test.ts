import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../index.ts';
import type { CoverOfferList } from '../../index.ts';
import type { Offer } from '../../../../contract/types.ts';
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
  termsUrl: 'https://octamile.example/terms',
};

async function mount(offers: Offer[], { locale = 'en-IN', compact = false, strings = {} as Record<string, string> } = {}) {
  const element = await fixture<CoverOfferList>(
    html`<cover-offer-list .offers=${offers} locale=${locale} ?compact=${compact} .strings=${strings}></cover-offer-list>`,
  );
  return { element, root: element.shadowRoot! };
}

const offerParts = (root: ShadowRoot) => [...root.querySelectorAll<HTMLElement>('[part~="offer"]')];

describe('<cover-offer-list>', () => {
  it('groups offers by plan type in a fixed order, with term, provider name and price in the locale', async () => {
    const { root } = await mount([comprehensiveOffer, screenOffer, warrantyOffer]);
    const headings = [...root.querySelectorAll('[part="group-heading"]')].map((heading) => heading.textContent);
    expect(headings).to.deep.equal(['Extended warranty', 'Screen protection', 'Comprehensive cover']);
    const names = offerParts(root).map((offer) => offer.querySelector('[part="offer-name"]')!.textContent);
    expect(names).to.deep.equal(['Extended Care', 'Screen Guard', 'Total Care']);
    const metas = offerParts(root).map((offer) => offer.querySelector('[part="offer-meta"]')!.textContent);
    // The server's providerName; the provider id where an offer has none.
    expect(metas).to.deep.equal(['3 years · by octamile', '12 months · by BigFix', '2 years · by Servify']);
    const prices = offerParts(root).map((offer) => offer.querySelector('[part="price"]')!.textContent);
    expect(prices).to.deep.equal(['NGN\u00a04,500', '₹1,499', '₹4,999.50']);
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

  it('lists what a plan covers and links its terms, except in compact mode', async () => {
    const { root } = await mount([warrantyOffer]);
    expect(root.querySelector('[part="offer-covers"]')!.textContent).to.include('Breakdown').and.include('Battery');
    const terms = root.querySelector<HTMLAnchorElement>('[part="terms-link"]')!;
    expect(terms.href).to.equal('https://octamile.example/terms');
    expect(terms.target).to.equal('_blank');
    expect(terms.rel).to.include('noopener');

    const compact = await mount([warrantyOffer], { compact: true });
    expect(compact.root.querySelector('[part="offer-covers"]')).to.equal(null);
    expect(compact.root.querySelector('[part="terms-link"]')).to.equal(null);
  });

  it('never links a terms URL that is not a web address', async () => {
    const { root } = await mount([{ ...warrantyOffer, termsUrl: 'javascript:alert(1)' }]);
    expect(root.querySelector('[part="terms-link"]')).to.equal(null);
  });

  it('uses the wording it is given', async () => {
    const { root } = await mount([screenOffer], { strings: { 'list.meta': '{1}, {0}' } });
    expect(root.querySelector('[part="offer-meta"]')!.textContent).to.equal('BigFix, 12 months');
  });
});

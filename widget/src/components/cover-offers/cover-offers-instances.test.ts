/**
 * Two widgets on one page stay independent: each keeps its own merchant wording, money
 * locale and API client, down to the steps inside it (which read them through context).
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../index.ts';
import type { CoverOffers } from '../../index.ts';
import { apiBase, json, quoteResponse, stubApi } from '../../testing/api-stub.ts';

let api: ReturnType<typeof stubApi> | undefined;

afterEach(() => {
  api?.restore();
  api = undefined;
});

const slow = { timeout: 10_000 };
const shadow = (element: Element) => element.shadowRoot!;
const list = (element: CoverOffers) => shadow(element).querySelector('cover-offer-list')!.shadowRoot!;
const form = (element: CoverOffers) => shadow(element).querySelector('cover-offer-form')?.shadowRoot;
const text = (root: ParentNode, selector: string) => root.querySelector(selector)?.textContent?.trim();

async function mountTwo() {
  const page = await fixture<HTMLElement>(
    html`<div>
      <cover-offers
        id="first"
        publishable-key="pk_test_first"
        api-base=${apiBase}
        category="Mobile"
        brand="Samsung"
        model="Galaxy S23"
        price="74999"
        currency="INR"
        country="IN"
        locale="en-IN"
        .strings=${{ 'offers.decline': 'Skip protection', 'list.name': '{0} with {1}', 'form.heading': 'First shop details' }}
      ></cover-offers>
      <cover-offers
        id="second"
        publishable-key="pk_test_second"
        api-base=${apiBase}
        category="Mobile"
        brand="Apple"
        model="iPhone 15"
        price="79999"
        currency="INR"
        country="IN"
        locale="de-DE"
        .strings=${{ 'offers.decline': 'Kein Schutz', 'form.heading': 'Second shop details' }}
      ></cover-offers>
    </div>`,
  );
  const first = page.querySelector<CoverOffers>('#first')!;
  const second = page.querySelector<CoverOffers>('#second')!;
  for (const element of [first, second]) {
    await waitUntil(
      () => shadow(element).querySelector('cover-offer-list')?.shadowRoot?.querySelector('[part~="offer"]'),
      'no offers',
      slow,
    );
  }
  return { first, second };
}

async function choose(element: CoverOffers) {
  list(element).querySelector<HTMLInputElement>('input[type="radio"]')!.click();
  await waitUntil(() => form(element)?.querySelector('h3'), 'form did not render', slow);
}

describe('two <cover-offers> on one page', () => {
  it('each shows its own wording and money, in the offer view and in the form inside it', async () => {
    api = stubApi({ 'POST /v1/quotes': () => json(quoteResponse) });
    const { first, second } = await mountTwo();

    expect(text(shadow(first), '[part="decline-button"]')).to.equal('Skip protection');
    expect(text(shadow(second), '[part="decline-button"]')).to.equal('Kein Schutz');
    expect(text(list(first), '[part="offer-name"]')).to.match(/· 12 months with BigFix$/);
    expect(text(list(second), '[part="offer-name"]')).to.match(/· 12 Monate · BigFix$/);
    expect(text(list(first), '[part="price"]')).to.equal('₹1,499');
    expect(text(list(second), '[part="price"]')).to.match(/^1\.499\s₹$/);

    await choose(first);
    await choose(second);
    expect(text(form(first)!, 'h3')).to.equal('First shop details');
    expect(text(form(second)!, 'h3')).to.equal('Second shop details');
  });

  it('changing one widget’s strings leaves the other alone', async () => {
    api = stubApi({ 'POST /v1/quotes': () => json(quoteResponse) });
    const { first, second } = await mountTwo();
    await choose(first);
    first.strings = { 'offers.decline': 'Not now', 'form.heading': 'Changed' };
    await first.updateComplete;
    await waitUntil(() => text(form(first)!, 'h3') === 'Changed', 'the form inside did not follow its widget’s strings');
    expect(text(shadow(first), '[part="decline-button"]')).to.equal('Not now');
    expect(text(shadow(second), '[part="decline-button"]')).to.equal('Kein Schutz');
  });

  it('each asks with its own publishable key', async () => {
    api = stubApi({ 'POST /v1/quotes': () => json(quoteResponse) });
    await mountTwo();
    const keys = api.requests.map((request) => request.headers.get('Authorization')).sort();
    expect(keys).to.deep.equal(['Bearer pk_test_first', 'Bearer pk_test_second']);
  });
});

import { LitElement, html, nothing } from 'lit';
import { localized } from '@lit/localize';
import { property } from 'lit/decorators.js';
import type { Offer } from '../../../../contract/types.ts';
import { LocalizeController } from '../../controllers/localize-controller.ts';
import { providerLabel, safeUrl } from '../../internal/format.ts';
import { str } from '../../internal/localize.ts';
import type { Strings } from '../../internal/localize.ts';
import { bestFirst, perMonth } from '../cover-offer-list/best-first.ts';
import { styles } from './cover-offer-compare.styles.ts';
import { coverLabel } from './cover-words.ts';

/**
 * @tagname cover-offer-compare
 * @summary The offers of one kind of cover side by side: why the first is the best buy, and
 * what each covers, costs a month, who underwrites it, how long the shopper may cancel for a
 * full refund, and its terms. Loaded with the details step, so the offer view ships without it.
 *
 * @csspart why - "Why this plan": the best buy and the reason.
 * @csspart compare - The comparison (a disclosure). Also compare-table, terms-link.
 */
@localized()
export class CoverOfferCompare extends LitElement {
  static override styles = styles;

  private readonly localize = new LocalizeController(this);

  /** The offers of one kind of cover. */
  @property({ attribute: false }) offers: Offer[] = [];
  @property() locale = '';
  @property({ attribute: false }) strings?: Strings;

  private renderWhy(best: Offer, count: number) {
    if (count < 2) return nothing;
    const { t } = this.localize;
    const monthly = this.localize.money({ amount: Math.round(perMonth(best)), currency: best.price.currency });
    return html`<p class="why" part="why">
      <strong>${t('compare.why', 'Why this plan:')}</strong>
      ${t('compare.why-best', str`the lowest price per month of cover of these ${count} plans (${monthly} a month).`)}
    </p>`;
  }

  private offerTitle(offer: Offer) {
    return `${this.localize.term(offer.termMonths)} · ${providerLabel(offer)}`;
  }

  private renderRow(label: string, cells: unknown[]) {
    return html`<tr>
      <th scope="row">${label}</th>
      ${cells.map((cell) => html`<td>${cell}</td>`)}
    </tr>`;
  }

  private renderTable(offers: Offer[]) {
    const { t } = this.localize;
    const covers = [...new Set(offers.flatMap((offer) => offer.covers ?? []))];
    const yes = html`<span aria-hidden="true">✓</span><span class="visually-hidden">${t('compare.included', 'Included')}</span>`;
    const no = html`<span aria-hidden="true">—</span><span class="visually-hidden">${t('compare.not-included', 'Not included')}</span>`;
    const terms = (offer: Offer) => {
      const url = safeUrl(offer.terms?.url ?? offer.termsUrl);
      return url ? this.termsLink(url, offer) : '—';
    };
    return html`<div class="scroll" tabindex="0" role="region" aria-label=${t('compare.region', 'Plans compared')}>
      <table part="compare-table">
        <thead>
          <tr>
            <td></td>
            ${offers.map((offer) => html`<th scope="col">${this.offerTitle(offer)}</th>`)}
          </tr>
        </thead>
        <tbody>
          ${covers.map((cover) =>
            this.renderRow(
              coverLabel(cover, t),
              offers.map((offer) => (offer.covers?.includes(cover) ? yes : no)),
            ),
          )}
          ${this.renderRow(
            t('compare.price', 'Price'),
            offers.map((offer) => this.localize.money(offer.price)),
          )}
          ${this.renderRow(
            t('compare.plan-name', "Insurer's plan name"),
            offers.map((offer) => offer.name),
          )}
          ${this.renderRow(
            t('compare.underwriter', 'Underwritten by'),
            offers.map((offer) => offer.terms?.underwriter ?? providerLabel(offer)),
          )}
          ${this.renderRow(
            t('compare.free-look', 'Cancel for a full refund within'),
            offers.map((offer) => (offer.terms ? t('compare.days', str`${offer.terms.freeLookDays} days`) : '—')),
          )}
          ${this.renderRow(t('compare.terms-row', 'Terms'), offers.map(terms))}
        </tbody>
      </table>
    </div>`;
  }

  /** The same facts one offer after another, for a phone-width card (CSS shows one of the two). */
  private renderCards(offers: Offer[]) {
    const { t } = this.localize;
    const covers = [...new Set(offers.flatMap((offer) => offer.covers ?? []))];
    return html`<ul class="cards">
      ${offers.map(
        (offer) =>
          html`<li class="card">
            <p class="card-title"><strong>${this.offerTitle(offer)}</strong> · ${this.localize.money(offer.price)}</p>
            <ul class="card-covers">
              ${covers.map((cover) =>
                offer.covers?.includes(cover)
                  ? html`<li><span aria-hidden="true">✓ </span>${coverLabel(cover, t)}</li>`
                  : html`<li class="missing">
                      <span aria-hidden="true">— </span
                      ><span class="visually-hidden">${t('compare.not-included', 'Not included')}: </span>${coverLabel(cover, t)}
                    </li>`,
              )}
            </ul>
            <p class="card-facts">${this.facts(offer)}</p>
          </li>`,
      )}
    </ul>`;
  }

  /** Underwriter, free-look period and terms in one line. */
  private facts(offer: Offer) {
    const { t } = this.localize;
    const url = safeUrl(offer.terms?.url ?? offer.termsUrl);
    return html`${t('compare.underwritten', str`Underwritten by ${offer.terms?.underwriter ?? providerLabel(offer)}.`)}
    ${offer.terms ? t('compare.free-look-days', str`Cancel within ${offer.terms.freeLookDays} days for a full refund.`) : nothing}
    ${url ? this.termsLink(url, offer) : nothing}`;
  }

  private termsLink(url: string, offer: Offer) {
    const { t } = this.localize;
    return html`<a part="terms-link" href=${url} target="_blank" rel="noopener noreferrer"
      >${t('compare.terms', 'Read the terms')}<span class="visually-hidden">
        ${t('compare.terms-new-tab', str`of ${this.offerTitle(offer)} (opens in a new tab)`)}</span
      ></a
    >`;
  }

  override render() {
    const offers = bestFirst(this.offers);
    if (offers.length === 0) return nothing;
    const { t } = this.localize;
    return html`${this.renderWhy(offers[0]!, offers.length)}
      <details part="compare">
        <summary>
          ${offers.length > 1 ? t('compare.open', 'Compare what each plan covers') : t('compare.open-one', 'What this plan covers')}
        </summary>
        ${this.renderTable(offers)} ${this.renderCards(offers)}
      </details>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cover-offer-compare': CoverOfferCompare;
  }
}

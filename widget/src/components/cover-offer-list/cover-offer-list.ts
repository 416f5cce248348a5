import { LitElement, html, nothing } from 'lit';
import { localized } from '@lit/localize';
import { property } from 'lit/decorators.js';
import type { Offer, PlanType } from '../../../../contract/types.ts';
import { CoverOfferSelectEvent } from '../../events/cover-offer-select-event.ts';
import { LocalizeController } from '../../controllers/localize-controller.ts';
import { planTypeOrder, providerLabel } from '../../internal/format.ts';
import { bestFirst } from './best-first.ts';
import { str } from '../../internal/localize.ts';
import type { Strings } from '../../internal/localize.ts';
import { styles } from './cover-offer-list.styles.ts';

/**
 * @tagname cover-offer-list
 * @summary The offers for one device, grouped by kind of cover, as one radio group: the
 * best offer of each kind first, the others one tap away, and (once the details chunk has
 * loaded) what each covers side by side. Native radios give keyboard (arrow keys) and
 * screen-reader behaviour for free.
 *
 * @fires cover-offer-select - The shopper picked an offer (never fired for `selectedOfferId` set by code).
 *
 * @csspart offers - The fieldset around the offers.
 * @csspart group - The offers of one plan type. Also group-heading.
 * @csspart offer - One offer.
 * @csspart offer-selected - The offer the shopper picked (in addition to `offer`).
 * @csspart offer-type - The plan type label, e.g. "Accidental & liquid damage" (for screen readers).
 * @csspart offer-name - Term and insurer, e.g. "12 months · BigFix".
 * @csspart more-button - "Other plans (2)": shows the other offers of a kind.
 * @csspart why - "Why this plan" under the best offer of a kind.
 * @csspart compare - What each offer of a kind covers, side by side. Also compare-table, terms-link.
 * @csspart price - The offer's price.
 *
 * @cssprop --cover-color-accent - Selected border, radio and type label.
 */
@localized()
export class CoverOfferList extends LitElement {
  static override styles = styles;

  private readonly localize = new LocalizeController(this);

  @property({ attribute: false }) offers: Offer[] = [];

  /** The offer shown as picked. */
  @property({ attribute: 'selected-offer-id' }) selectedOfferId = '';

  /** BCP 47 tag for prices; the browser's language when empty. */
  @property() locale = '';

  /** Wording by message id (`<cover-offers>` passes its `strings`). */
  @property({ attribute: false }) strings?: Strings;

  /** Fewer words (no comparison of covers), for narrow slots. */
  @property({ type: Boolean, reflect: true }) compact = false;

  private handleChange(event: Event) {
    const radio = event.target as HTMLInputElement;
    const offer = this.offers.find((candidate) => candidate.offerId === radio.value);
    if (!offer) return;
    this.selectedOfferId = offer.offerId;
    this.dispatchEvent(new CoverOfferSelectEvent({ offer }));
  }

  private renderOffer(offer: Offer) {
    const selected = offer.offerId === this.selectedOfferId;
    // Names normalised as kind · term · insurer: the kind is the group's heading, so each
    // offer reads "1 year · BigFix" whatever the provider calls its product (kept in
    // `data-plan` for the page's scripts, and in the comparison for the shopper).
    return html`
      <label class="offer ${selected ? 'selected' : ''}" part="offer ${selected ? 'offer-selected' : ''}" data-plan=${offer.name}>
        <input type="radio" name="offer" .value=${offer.offerId} .checked=${selected} />
        <span class="name" part="offer-name"
          ><span class="visually-hidden" part="offer-type">${this.localize.planType(offer.type)} · </span
          >${this.localize.t('list.name', str`${this.localize.term(offer.termMonths)} · ${providerLabel(offer)}`)}</span
        >
        <span class="price" part="price">${this.localize.money(offer.price)}</span>
      </label>
    `;
  }

  /** The best offer of a kind first; the others one tap away, open while one of them is picked. */
  private renderGroup(type: PlanType, offers: Offer[]) {
    const id = `group-${type}`;
    const [best, ...others] = bestFirst(offers);
    return html`<div class="group" part="group" role="group" aria-labelledby=${id}>
      <p class="group-heading" part="group-heading" id=${id} aria-hidden="true">${this.localize.planType(type)}</p>
      ${this.renderOffer(best!)}
      ${this.compact ? nothing : html`<cover-offer-compare exportparts="why, compare, compare-table, terms-link" .offers=${offers} locale=${this.locale} .strings=${this.strings}></cover-offer-compare>`}
      ${
        others.length
          ? html`<details ?open=${others.some((offer) => offer.offerId === this.selectedOfferId)}>
              <summary part="more-button">${this.localize.t('list.more', str`Other plans (${others.length})`)}</summary>
              ${others.map((offer) => this.renderOffer(offer))}
            </details>`
          : nothing
      }
    </div>`;
  }

  override render() {
    const { t } = this.localize;
    const types = [...planTypeOrder, ...new Set(this.offers.map((offer) => offer.type).filter((type) => !planTypeOrder.includes(type)))];
    return html`
      <fieldset part="offers" @change=${this.handleChange}>
        <legend class="visually-hidden">${t('list.legend', 'Choose a protection plan')}</legend>
        ${types.map((type) => {
          const offers = this.offers.filter((offer) => offer.type === type);
          return offers.length ? this.renderGroup(type, offers) : nothing;
        })}
      </fieldset>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cover-offer-list': CoverOfferList;
  }
}

import { LitElement, html, nothing } from 'lit';
import { localized } from '@lit/localize';
import { property } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import type { Offer, PlanType } from '../../../../contract/types.ts';
import { CoverOfferSelectEvent } from '../../events/cover-offer-select-event.ts';
import { LocalizeController } from '../../controllers/localize-controller.ts';
import { planTypeOrder, providerLabel, safeUrl } from '../../internal/format.ts';
import { str } from '../../internal/localize.ts';
import type { Strings } from '../../internal/localize.ts';
import { styles } from './cover-offer-list.styles.ts';

/**
 * @tagname cover-offer-list
 * @summary The offers for one device, grouped by plan type, as one radio group. Native
 * radios give keyboard (arrow keys) and screen-reader behaviour for free.
 *
 * @fires cover-offer-select - The shopper picked an offer (never fired for `selectedOfferId` set by code).
 *
 * @csspart offers - The fieldset around the offers.
 * @csspart group - The offers of one plan type. Also group-heading.
 * @csspart offer - One offer.
 * @csspart offer-selected - The offer the shopper picked (in addition to `offer`).
 * @csspart offer-type - The plan type label, e.g. "Accidental & liquid damage".
 * @csspart offer-name - The plan name.
 * @csspart offer-meta - Term and provider.
 * @csspart offer-covers - What the plan covers.
 * @csspart terms-link - The provider's terms.
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

  /** Fewer words per offer (no cover list), for narrow slots. */
  @property({ type: Boolean, reflect: true }) compact = false;

  private handleChange(event: Event) {
    const radio = event.target as HTMLInputElement;
    const offer = this.offers.find((candidate) => candidate.offerId === radio.value);
    if (!offer) return;
    this.selectedOfferId = offer.offerId;
    this.dispatchEvent(new CoverOfferSelectEvent({ offer }));
  }

  private renderCovers(offer: Offer) {
    const { t } = this.localize;
    const terms = safeUrl(offer.termsUrl);
    if (this.compact || (!offer.covers?.length && !terms)) return nothing;
    return html`<span class="extras">
      ${
        offer.covers?.length
          ? html`<span class="covers" part="offer-covers"
              ><span class="visually-hidden">${t('list.covers', 'Covers:')} </span>${offer.covers.map(
                (item) => html`<span class="cover-item">${item}</span>`,
              )}</span
            >`
          : nothing
      }
      ${
        terms
          ? html`<a class="terms" part="terms-link" href=${terms} target="_blank" rel="noopener noreferrer"
              >${t('list.terms', 'Plan terms')}<span class="visually-hidden">
                ${t('list.terms-new-tab', str`for ${offer.name} (opens in a new tab)`)}</span
              ></a
            >`
          : nothing
      }
    </span>`;
  }

  private renderOffer(offer: Offer) {
    const { t } = this.localize;
    const selected = offer.offerId === this.selectedOfferId;
    return html`
      <label class="offer ${selected ? 'selected' : ''}" part="offer ${selected ? 'offer-selected' : ''}">
        <input type="radio" name="offer" .value=${offer.offerId} .checked=${selected} />
        <span class="details">
          <span class="visually-hidden" part="offer-type">${this.localize.planType(offer.type)}</span>
          <span class="name" part="offer-name">${offer.name}</span>
          <span class="meta" part="offer-meta"
            >${t('list.meta', str`${this.localize.term(offer.termMonths)} · by ${providerLabel(offer)}`)}</span
          >
          ${this.renderCovers(offer)}
        </span>
        <span class="price" part="price">${this.localize.money(offer.price)}</span>
      </label>
    `;
  }

  private renderGroup(type: PlanType, offers: Offer[]) {
    const id = `group-${type}`;
    return html`<div class="group" part="group" role="group" aria-labelledby=${id}>
      <p class="group-heading" part="group-heading" id=${id} aria-hidden="true">${this.localize.planType(type)}</p>
      ${repeat(
        offers,
        (offer) => offer.offerId,
        (offer) => this.renderOffer(offer),
      )}
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

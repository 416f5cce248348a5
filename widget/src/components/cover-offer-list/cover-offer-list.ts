import { LitElement, html } from 'lit';
import { property } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import type { Offer } from '../../api/types.ts';
import { CoverOfferSelectEvent } from '../../events/cover-offer-select-event.ts';
import { formatMoney, formatTerm, planTypeLabels, providerNames, resolveLocale } from '../../internal/format.ts';
import { styles } from './cover-offer-list.styles.ts';

/**
 * @summary The offers for one device as a radio group. Native radios give keyboard
 * (arrow keys) and screen-reader behaviour for free.
 *
 * @fires cover-offer-select - The shopper picked an offer (never fired for `selectedOfferId` set by code).
 *
 * @csspart offers - The fieldset around the offers.
 * @csspart offer - One offer.
 * @csspart offer-selected - The offer the shopper picked (in addition to `offer`).
 * @csspart offer-type - The plan type label, e.g. "Accidental & liquid damage".
 * @csspart offer-name - The plan name.
 * @csspart offer-meta - Term and provider.
 * @csspart price - The offer's price.
 *
 * @cssprop --cover-color-accent - Selected border, radio and type label.
 */
export class CoverOfferList extends LitElement {
  static override styles = styles;

  @property({ attribute: false }) offers: Offer[] = [];

  /** The offer shown as picked. */
  @property({ attribute: 'selected-offer-id' }) selectedOfferId = '';

  /** BCP 47 tag for prices; the browser's language when empty. */
  @property() locale = '';

  private handleChange(event: Event) {
    const radio = event.target as HTMLInputElement;
    const offer = this.offers.find((candidate) => candidate.offerId === radio.value);
    if (!offer) return;
    this.selectedOfferId = offer.offerId;
    this.dispatchEvent(new CoverOfferSelectEvent({ offer }));
  }

  private renderOffer(offer: Offer, locale: string) {
    const selected = offer.offerId === this.selectedOfferId;
    return html`
      <label class="offer ${selected ? 'selected' : ''}" part="offer ${selected ? 'offer-selected' : ''}">
        <input type="radio" name="offer" .value=${offer.offerId} .checked=${selected} />
        <span class="details">
          <span class="type" part="offer-type">${planTypeLabels[offer.type] ?? offer.type}</span>
          <span class="name" part="offer-name">${offer.name}</span>
          <span class="meta" part="offer-meta"
            >${formatTerm(offer.termMonths)} · by ${providerNames[offer.provider] ?? offer.provider}</span
          >
        </span>
        <span class="price" part="price">${formatMoney(offer.price, locale)}</span>
      </label>
    `;
  }

  override render() {
    const locale = resolveLocale(this.locale);
    return html`
      <fieldset part="offers" @change=${this.handleChange}>
        <legend class="visually-hidden">Choose a protection plan</legend>
        ${repeat(
          this.offers,
          (offer) => offer.offerId,
          (offer) => this.renderOffer(offer, locale),
        )}
      </fieldset>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cover-offer-list': CoverOfferList;
  }
}

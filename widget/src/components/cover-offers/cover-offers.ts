import { LitElement, html, nothing } from 'lit';
import type { PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { Task, TaskStatus, initialState } from '@lit/task';
import { ApiError, isAbortError, shopperMessage } from '../../api/api-error.ts';
import { createApiClient } from '../../api/client.ts';
import type { ApiClient } from '../../api/client.ts';
import type { Offer, Order, QuoteResponse } from '../../api/types.ts';
import { CoverErrorEvent } from '../../events/cover-error-event.ts';
import { CoverOfferDeclineEvent } from '../../events/cover-offer-decline-event.ts';
import type { CoverOfferSelectEvent } from '../../events/cover-offer-select-event.ts';
import { CoverOffersLoadEvent } from '../../events/cover-offers-load-event.ts';
import type { CoverOrderCreateEvent } from '../../events/cover-order-create-event.ts';
import { buildQuoteRequest } from '../../internal/quote-request.ts';
import { styles } from './cover-offers.styles.ts';
import { renderDeclined, renderEmpty, renderLoadError, renderSkeleton } from './render-states.ts';

type Stage = 'choosing' | 'declined' | 'ordered' | 'confirmed';

/** Changing any of these means another device (or merchant), so earlier choices lapse. */
const quoteProperties = ['apiBase', 'publishableKey', 'category', 'brand', 'model', 'price', 'currency', 'country', 'imei'] as const;

const listParts = 'offers, offer, offer-selected, offer-type, offer-name, offer-meta, price';
const formParts = 'form, field, label, input, hint, field-error, form-error, submit-button';
const summaryParts = 'summary, summary-title, policy-reference';

/**
 * @summary Device protection plans for one product: the shopper picks a plan (or
 * declines), gives the details that plan needs, and the order is created.
 *
 * @fires cover-offers-load - Offers arrived (also when there are none).
 * @fires cover-offer-select - The shopper picked an offer.
 * @fires cover-offer-decline - The shopper chose "No thanks".
 * @fires cover-order-create - The order was created; add the plan to the cart and confirm payment.
 * @fires cover-error - Loading offers or creating the order failed.
 *
 * @csspart base - The card around everything.
 * @csspart heading - The title.
 * @csspart skeleton - Placeholders while offers load.
 * @csspart empty - The "no plans" message.
 * @csspart error - The error message with its retry button.
 * @csspart retry-button - Loads the offers again.
 * @csspart decline-button - "No thanks".
 * @csspart offers - The group of offers. Also offer, offer-selected, offer-type, offer-name, offer-meta, price.
 * @csspart form - The details form. Also field, label, input, hint, field-error, form-error, submit-button.
 * @csspart summary - The order or policy summary. Also summary-title, policy-reference.
 *
 * @cssprop --cover-color-accent - Buttons, selection and focus (default #1f5eff).
 * @cssprop --cover-color-accent-contrast - Text on accent buttons.
 * @cssprop --cover-color-text - Body text.
 * @cssprop --cover-color-muted - Secondary text.
 * @cssprop --cover-color-border - Borders of the card, offers and inputs.
 * @cssprop --cover-color-surface - Background of offers and inputs.
 * @cssprop --cover-color-background - Background of the card.
 * @cssprop --cover-color-danger - Errors.
 * @cssprop --cover-color-success - The order summary.
 * @cssprop --cover-radius - Corner radius.
 * @cssprop --cover-spacing - Base gap between blocks.
 * @cssprop --cover-padding - Padding inside the card.
 * @cssprop --cover-font-family - Font (inherits the page's by default).
 * @cssprop --cover-font-size - Base font size.
 * @cssprop --cover-focus-ring - Focus outline colour.
 */
export class CoverOffers extends LitElement {
  static override styles = styles;

  private client?: ApiClient;

  private quoteTask = new Task(this, {
    args: () => [this.client, this.category, this.brand, this.model, this.price, this.currency, this.country, this.imei] as const,
    task: async ([client, category, brand, model, price, currency, country, imei], { signal }) => {
      const request = buildQuoteRequest({ category, brand, model, price, currency, country, imei });
      return client && request ? client.createQuote(request, signal) : initialState;
    },
    onComplete: (response) => {
      if (!response.offers.some((offer) => offer.offerId === this.selectedOffer?.offerId)) this.selectedOffer = undefined;
      this.dispatchEvent(new CoverOffersLoadEvent({ offers: response.offers, unavailable: response.unavailable }));
    },
    onError: (error) => this.reportError(error),
  });

  @state() private stage: Stage = 'choosing';
  @state() private selectedOffer?: Offer;
  @state() private order?: Order;

  @property({ attribute: 'publishable-key' }) publishableKey = '';
  /** Where the /v1 API lives. The page's origin by default (the script's own origin cannot be known reliably). */
  @property({ attribute: 'api-base' }) apiBase = globalThis.location?.origin ?? '';
  @property() category = '';
  @property() brand = '';
  @property() model = '';
  /** Device price in major units of `currency`. */
  @property({ type: Number }) price?: number;
  /** ISO 4217, e.g. `INR`. */
  @property() currency = '';
  /** ISO 3166 alpha-2 country of the shopper, e.g. `IN`; also prefills the address. */
  @property() country = '';
  /** Optional; improves quotes and prefills the form. */
  @property() imei = '';
  /** BCP 47 tag for prices and dates; the browser's language when empty. */
  @property() locale = '';

  protected override willUpdate(changed: PropertyValues<this>) {
    if (changed.has('apiBase') || changed.has('publishableKey')) {
      this.client = this.publishableKey ? createApiClient({ apiBase: this.apiBase, publishableKey: this.publishableKey }) : undefined;
    }
    if (this.hasUpdated && quoteProperties.some((name) => changed.has(name))) {
      this.stage = 'choosing';
      this.selectedOffer = undefined;
      this.order = undefined;
    }
  }

  private reportError(error: unknown) {
    if (isAbortError(error)) return;
    const apiError = error instanceof ApiError ? error : undefined;
    this.dispatchEvent(
      new CoverErrorEvent({
        code: apiError?.code ?? 'unknown_error',
        message: shopperMessage(error),
        status: apiError?.status,
      }),
    );
  }

  // The list and the form dispatch the public events themselves; they cross this
  // shadow root (composed) on their way to the page, and are only observed here.
  private handleSelect(event: CoverOfferSelectEvent) {
    this.selectedOffer = event.detail.offer;
  }

  private handleOrderCreate(event: CoverOrderCreateEvent) {
    this.order = event.detail.order;
    this.stage = 'ordered';
  }

  private handleDecline() {
    this.selectedOffer = undefined;
    this.stage = 'declined';
    this.dispatchEvent(new CoverOfferDeclineEvent());
  }

  /**
   * Shows the policy once the host's server has confirmed payment
   * (`POST /v1/orders/{id}/confirm` answers with this order). Fires no event: the host
   * already knows.
   */
  showConfirmed(order: Order): void {
    this.order = order;
    this.stage = 'confirmed';
  }

  private renderOffers({ offers }: QuoteResponse) {
    if (offers.length === 0) return renderEmpty();
    if (this.stage === 'declined') return renderDeclined(() => (this.stage = 'choosing'));
    return html`
      <cover-offer-list
        exportparts=${listParts}
        .offers=${offers}
        selected-offer-id=${this.selectedOffer?.offerId ?? ''}
        locale=${this.locale}
        @cover-offer-select=${this.handleSelect}
      ></cover-offer-list>
      <button class="text-button decline" part="decline-button" @click=${this.handleDecline}>No thanks, I don't want a plan</button>
      ${
        this.selectedOffer
          ? html`<hr />
              <cover-offer-form
                exportparts=${formParts}
                .offer=${this.selectedOffer}
                .client=${this.client}
                country=${this.country}
                brand=${this.brand}
                model=${this.model}
                imei=${this.imei}
                locale=${this.locale}
                @cover-order-create=${this.handleOrderCreate}
              ></cover-offer-form>`
          : nothing
      }
    `;
  }

  override render() {
    const body =
      this.stage === 'ordered' || this.stage === 'confirmed'
        ? html`<cover-order-summary
            exportparts=${summaryParts}
            .order=${this.order}
            ?confirmed=${this.stage === 'confirmed'}
            locale=${this.locale}
          ></cover-order-summary>`
        : this.quoteTask.render({
            pending: renderSkeleton,
            complete: (response) => this.renderOffers(response),
            error: (error) => renderLoadError(shopperMessage(error), () => void this.quoteTask.run()),
          });
    if (this.quoteTask.status === TaskStatus.INITIAL && !this.order) return nothing;
    return html`<section class="base" part="base" aria-labelledby="heading">
      <h2 id="heading" class="heading" part="heading">Protect your ${this.model || 'device'}</h2>
      ${body}
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cover-offers': CoverOffers;
  }
}

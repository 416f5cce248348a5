import { LitElement, html, nothing } from 'lit';
import type { PropertyValues } from 'lit';
import { localized } from '@lit/localize';
import { property, query, state } from 'lit/decorators.js';
import { Task, TaskStatus, initialState } from '@lit/task';
import { ApiError, isAbortError, shopperMessage } from '../../api/api-error.ts';
import { createApiClient } from '../../api/client.ts';
import type { ApiClient } from '../../api/client.ts';
import type { Offer, Order, QuoteResponse } from '../../../../contract/types.ts';
import { CoverErrorEvent } from '../../events/cover-error-event.ts';
import { CoverOfferDeclineEvent } from '../../events/cover-offer-decline-event.ts';
import type { CoverDeviceChangeEvent } from '../../events/cover-device-change-event.ts';
import type { CoverOfferSelectEvent } from '../../events/cover-offer-select-event.ts';
import { CoverOffersLoadEvent } from '../../events/cover-offers-load-event.ts';
import type { CoverOrderCreateEvent } from '../../events/cover-order-create-event.ts';
import { formatMoney, parseList, resolveLocale } from '../../internal/format.ts';
import { loadForm, loadPicker, loadSchemas, loadSummary } from '../../internal/load-steps.ts';
import { setStringOverrides, str, t, useCatalogFor } from '../../internal/localize.ts';
import { buildQuoteRequest } from '../../internal/quote-request.ts';
import { styles } from './cover-offers.styles.ts';
import { renderImeiPrompt } from './render-imei-prompt.ts';
import { renderDeclined, renderEmpty, renderLoadError, renderSkeleton } from './render-states.ts';

type Stage = 'choosing' | 'declined' | 'ordered';

const OFFER_REFRESH_LEAD_MS = 60_000;
const MAX_TIMER_MS = 2 ** 31 - 1;

/** The same plan at the same price, whatever its (signed, expiring) offer id. */
function isSameOffer(offer: Offer, other: Offer): boolean {
  return (
    offer.offerId === other.offerId ||
    (offer.provider === other.provider &&
      offer.type === other.type &&
      offer.name === other.name &&
      offer.termMonths === other.termMonths &&
      offer.price.amount === other.price.amount &&
      offer.price.currency === other.price.currency)
  );
}

/** Changing any of these means another device (or merchant), so earlier choices lapse. */
const quoteProperties = ['apiBase', 'publishableKey', 'category', 'brand', 'model', 'price', 'currency', 'country', 'imei'] as const;

const listParts =
  'offers, group, group-heading, offer, offer-selected, offer-type, offer-name, offer-meta, offer-covers, terms-link, price';
const formParts =
  'form, field, label, input, hint, field-error, form-error, submit-button, review, review-heading, edit-button, confirm-button';
const pickerParts = 'picker, label, select, input, picker-error, retry-button';
const summaryParts =
  'summary, summary-title, policy-reference, certificate-button, activation, activation-code, record-button, stop-button, file-input, upload-button, progress';

/**
 * @tagname cover-offers
 * @summary Device protection plans for one product: the shopper compares plans grouped
 * by type (or declines), gives exactly the details the chosen plan needs, reviews, and
 * the order is created; the widget then follows the order to the policy.
 *
 * @fires cover-device-change - Picker mode: the shopper picked a brand or a model.
 * @fires cover-offers-load - Offers arrived (also when there are none).
 * @fires cover-offer-select - The shopper picked an offer.
 * @fires cover-offer-decline - The shopper chose "No thanks".
 * @fires cover-order-create - The order was created; add the plan to the cart and confirm payment.
 * @fires cover-order-confirm - The widget saw the order leave `awaiting_payment`/`binding` (not fired for `showConfirmed()`).
 * @fires cover-error - Loading offers or creating the order failed.
 *
 * @csspart base - The card around everything.
 * @csspart heading - The title.
 * @csspart skeleton - Placeholders while offers load.
 * @csspart empty - The "no plans" message.
 * @csspart error - The error message with its retry button.
 * @csspart retry-button - Loads the offers again.
 * @csspart decline-button - "No thanks".
 * @csspart imei-prompt - "Enter your IMEI to see N more plans". Also imei-button.
 * @csspart launcher - The button that opens the modal layout.
 * @csspart dialog - The modal layout's dialog. Also close-button.
 * @csspart picker - Picker mode: the brand and model fields. Also label, select, input, picker-error.
 * @csspart offers - The offers. Also group, group-heading, offer, offer-selected, offer-type, offer-name, offer-meta, offer-covers, terms-link, price.
 * @csspart form - The details form. Also field, label, input, hint, field-error, form-error, submit-button, review, review-heading, edit-button, confirm-button.
 * @csspart summary - The order or policy. Also summary-title, policy-reference, certificate-button, activation, activation-code, record-button, stop-button, file-input, upload-button, progress.
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
 * @cssprop --cover-offers-min-height - Space reserved while offers load (default: three offers).
 */
@localized()
export class CoverOffers extends LitElement {
  static override styles = styles;

  private client?: ApiClient;
  private refreshTimer?: ReturnType<typeof setTimeout>;

  private quoteTask = new Task(this, {
    args: () =>
      [
        this.client,
        this.category,
        this.deviceBrand,
        this.deviceModel,
        this.price,
        this.currency,
        this.country,
        this.shopperImei || this.imei,
      ] as const,
    task: async ([client, category, brand, model, price, currency, country, imei], { signal }) => {
      const request = buildQuoteRequest({ category, brand, model, price, currency, country, imei });
      return client && request ? client.createQuote(request, signal) : initialState;
    },
    onComplete: (response) => {
      const offers = this.visibleOffers(response);
      // A refreshed quote has new offer ids: the shopper keeps the same plan at the same price.
      this.selectedOffer = this.selectedOffer && offers.find((offer) => isSameOffer(offer, this.selectedOffer!));
      this.scheduleRefresh(offers);
      this.announcement =
        offers.length === 1 ? t('offers.count-one', '1 plan available') : t('offers.count', str`${offers.length} plans available`);
      this.dispatchEvent(new CoverOffersLoadEvent({ offers, unavailable: response.unavailable }));
    },
    onError: (error) => this.reportError(error),
  });

  @query('dialog') private dialog?: HTMLDialogElement;
  @query('#heading') private heading?: HTMLElement;

  @state() private stage: Stage = 'choosing';
  @state() private selectedOffer?: Offer;
  @state() private order?: Order;
  /** True once the host reported payment through `showConfirmed()`. */
  @state() private hostConfirmed = false;
  @state() private formReady = false;
  @state() private summaryReady = false;
  /** An IMEI the shopper typed into the "see more plans" prompt. */
  @state() private shopperImei = '';
  @state() private imeiError = '';
  @state() private announcement = '';
  @state() private pickerReady = false;
  /** Picker mode: what the shopper picked (the attributes stay as the page set them). */
  @state() private pickedBrand = '';
  @state() private pickedModel = '';

  @property({ attribute: 'publishable-key' }) publishableKey = '';
  /** Where the /v1 API lives. The page's origin by default (the script's own origin cannot be known reliably). */
  @property({ attribute: 'api-base' }) apiBase = globalThis.location?.origin ?? '';
  @property() category = '';
  /** With `model`, the device to quote. Leave both out (with a `category`) to let the shopper pick them. */
  @property() brand = '';
  @property() model = '';
  /** Show brand and model pickers fed by `GET /v1/catalog`, even when `brand`/`model` are set (they preselect). */
  @property({ type: Boolean }) picker = false;
  /** Device price in major units of `currency`. */
  @property({ type: Number }) price?: number;
  /** ISO 4217, e.g. `INR`. */
  @property() currency = '';
  /** ISO 3166 alpha-2 country of the shopper, e.g. `IN`; also prefills the address. */
  @property() country = '';
  /** Optional; improves quotes and prefills the form. */
  @property() imei = '';
  /** BCP 47 tag for words, prices and dates (`en-IN`, `hi-IN`, `en-NG`, `en-US`); the browser's language when empty. */
  @property() locale = '';
  /** Comma-separated provider ids to show, e.g. `bigfix,servify`; all when empty. */
  @property() providers = '';
  /** Comma-separated plan types to show (`EW`, `ADLD`, `SCREEN`, `COMPREHENSIVE`); all when empty. */
  @property({ attribute: 'plan-types' }) planTypes = '';
  /** `inline` (default), `compact` (denser offers) or `modal` (a button that opens a dialog). */
  @property({ reflect: true }) layout: 'inline' | 'compact' | 'modal' = 'inline';
  /** `auto` (default) follows the shopper's system setting. */
  @property({ reflect: true }) theme: 'light' | 'dark' | 'auto' = 'auto';
  /** Merchant wording by message id, e.g. `{ "offers.decline": "Skip protection" }` (see README). */
  @property({ attribute: false }) strings?: Record<string, string>;
  /** How often (ms) the widget asks for the order's status while it waits for payment or the provider. */
  @property({ type: Number, attribute: 'poll-interval' }) pollInterval = 3000;

  protected override willUpdate(changed: PropertyValues<this>) {
    if (changed.has('apiBase') || changed.has('publishableKey')) {
      this.client = this.publishableKey ? createApiClient({ apiBase: this.apiBase, publishableKey: this.publishableKey }) : undefined;
    }
    if (changed.has('locale')) void useCatalogFor(resolveLocale(this.locale));
    if (changed.has('strings')) setStringOverrides(this.strings);
    if (changed.has('brand') || changed.has('model') || changed.has('picker')) {
      this.pickedBrand = this.brand ?? '';
      this.pickedModel = this.model ?? '';
    }
    if (this.pickerMode && !this.pickerReady) void this.ensureLoaded('picker');
    if (this.hasUpdated && quoteProperties.some((name) => changed.has(name))) {
      this.stage = 'choosing';
      this.selectedOffer = undefined;
      this.order = undefined;
      this.hostConfirmed = false;
      if (changed.has('imei')) this.shopperImei = '';
    }
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    clearTimeout(this.refreshTimer);
  }

  /** Offers expire (their price is only held so long): ask again a minute before the first does. */
  private scheduleRefresh(offers: readonly Offer[]) {
    clearTimeout(this.refreshTimer);
    const earliest = Math.min(...offers.map((offer) => Date.parse(offer.expiresAt)).filter(Number.isFinite));
    if (!Number.isFinite(earliest)) return;
    const delay = Math.max(1000, earliest - Date.now() - OFFER_REFRESH_LEAD_MS);
    // Timers overflow past 2^31 ms (about 24 days) and would fire at once.
    if (delay > MAX_TIMER_MS) return;
    this.refreshTimer = setTimeout(() => {
      if (this.stage !== 'ordered' && this.isConnected) void this.quoteTask.run();
    }, delay);
  }

  /** A category without a full device (or the `picker` attribute): the shopper picks brand and model. */
  private get pickerMode(): boolean {
    // `?.`: a removed attribute leaves its property null, and frameworks do remove them.
    return this.picker || (Boolean(this.category?.trim()) && !(this.brand?.trim() && this.model?.trim()));
  }

  private get deviceBrand(): string {
    return this.pickerMode ? this.pickedBrand : this.brand;
  }

  private get deviceModel(): string {
    return this.pickerMode ? this.pickedModel : this.model;
  }

  private visibleOffers(response: QuoteResponse): Offer[] {
    const providers = parseList(this.providers);
    const types = parseList(this.planTypes.toUpperCase());
    return response.offers.filter((offer) => (!providers.size || providers.has(offer.provider)) && (!types.size || types.has(offer.type)));
  }

  private reportError(error: unknown) {
    if (isAbortError(error)) return;
    const apiError = error instanceof ApiError ? error : undefined;
    this.dispatchEvent(
      new CoverErrorEvent({ code: apiError?.code ?? 'unknown_error', message: shopperMessage(error), status: apiError?.status }),
    );
  }

  private async ensureLoaded(step: 'form' | 'summary' | 'picker') {
    try {
      if (step === 'form') {
        await loadForm();
        this.formReady = true;
      } else if (step === 'picker') {
        await loadPicker();
        this.pickerReady = true;
      } else {
        await loadSummary();
        this.summaryReady = true;
      }
    } catch (error) {
      this.reportError(new ApiError({ code: 'network_error', message: String(error) }));
    }
  }

  /** Start fetching the form while the shopper is still reading the offers. */
  private readonly preloadForm = () => void this.ensureLoaded('form');

  // The list and the form dispatch the public events themselves; they cross this
  // shadow root (composed) on their way to the page, and are only observed here.
  private handleSelect(event: CoverOfferSelectEvent) {
    const { offer } = event.detail;
    this.selectedOffer = offer;
    this.announcement = t('offers.selected', str`${offer.name} selected, ${formatMoney(offer.price, resolveLocale(this.locale))}`);
    void this.ensureLoaded('form');
  }

  private async handleOrderCreate(event: CoverOrderCreateEvent) {
    this.order = event.detail.order;
    this.stage = 'ordered';
    await this.ensureLoaded('summary');
    await this.updateComplete;
    const summary = this.renderRoot.querySelector('cover-order-summary');
    await summary?.updateComplete;
    summary?.focus();
  }

  private handleDeviceChange(event: CoverDeviceChangeEvent) {
    this.pickedBrand = event.detail.brand;
    this.pickedModel = event.detail.model;
    this.stage = 'choosing';
    this.selectedOffer = undefined;
    this.shopperImei = '';
  }

  private handleDecline() {
    this.selectedOffer = undefined;
    this.stage = 'declined';
    this.dispatchEvent(new CoverOfferDeclineEvent());
    void this.updateComplete.then(() => this.heading?.focus());
  }

  private readonly handleImei = async (value: string) => {
    const { imeiSchema } = await loadSchemas();
    const result = imeiSchema.safeParse(value.replace(/[\s-]/g, ''));
    if (!result.success) {
      this.imeiError = result.error.issues[0]?.message ?? t('imei.invalid', 'This IMEI is not valid: check the digits');
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLInputElement>('#prompt-imei')?.focus();
      return;
    }
    this.imeiError = '';
    this.shopperImei = result.data;
  };

  /**
   * Shows the policy once the host's server has confirmed payment
   * (`POST /v1/orders/{id}/confirm` answers with this order). Fires no event: the host
   * already knows.
   */
  showConfirmed(order: Order): void {
    this.order = { ...order, clientSecret: order.clientSecret ?? this.order?.clientSecret };
    this.stage = 'ordered';
    this.hostConfirmed = true;
    void this.ensureLoaded('summary');
  }

  /** Modal layout: opens the dialog. Other layouts: scrolls the widget into view and focuses its heading. */
  async open(): Promise<void> {
    await this.updateComplete;
    if (this.layout === 'modal') {
      if (!this.dialog?.open) this.dialog?.showModal();
      this.heading?.focus();
      return;
    }
    this.scrollIntoView({ behavior: 'smooth', block: 'start' });
    this.heading?.focus({ preventScroll: true });
  }

  /** Back to the offers as if the page had just loaded: forgets the choice, the details step and any order. */
  reset(): void {
    this.stage = 'choosing';
    this.selectedOffer = undefined;
    this.order = undefined;
    this.hostConfirmed = false;
    this.shopperImei = '';
    this.imeiError = '';
    this.pickedBrand = this.brand ?? '';
    this.pickedModel = this.model ?? '';
    void this.quoteTask.run();
  }

  private renderOffers(response: QuoteResponse, pending = false) {
    const offers = this.visibleOffers(response);
    if (offers.length === 0 && response.unavailable.every((entry) => entry.code !== 'needs_imei')) return renderEmpty();
    if (this.stage === 'declined') return renderDeclined(() => (this.stage = 'choosing'));
    const providers = parseList(this.providers);
    const needsImei = this.shopperImei
      ? 0
      : response.unavailable.filter((entry) => entry.code === 'needs_imei' && (!providers.size || providers.has(entry.provider))).length;
    return html`
      ${offers.length === 0 ? renderEmpty() : nothing}
      <cover-offer-list
        exportparts=${listParts}
        aria-busy=${pending ? 'true' : 'false'}
        .offers=${offers}
        selected-offer-id=${this.selectedOffer?.offerId ?? ''}
        locale=${this.locale}
        ?compact=${this.layout === 'compact'}
        @cover-offer-select=${this.handleSelect}
        @focusin=${this.preloadForm}
        @pointerover=${this.preloadForm}
      ></cover-offer-list>
      ${renderImeiPrompt({ count: needsImei, error: this.imeiError, pending, onSubmit: this.handleImei })}
      <button class="text-button decline" part="decline-button" @click=${this.handleDecline}>
        ${t('offers.decline', "No thanks, I don't want a plan")}
      </button>
      ${
        this.selectedOffer
          ? html`<hr />
              ${this.renderForm(this.selectedOffer)}`
          : nothing
      }
    `;
  }

  private renderForm(offer: Offer) {
    if (!this.formReady) return html`<p class="message" part="form-loading">${t('form.loading', 'Loading…')}</p>`;
    return html`<cover-offer-form
      exportparts=${formParts}
      .offer=${offer}
      .client=${this.client}
      country=${this.country}
      brand=${this.deviceBrand}
      model=${this.deviceModel}
      imei=${this.shopperImei || this.imei}
      locale=${this.locale}
      @cover-order-create=${this.handleOrderCreate}
    ></cover-offer-form>`;
  }

  private renderBody() {
    if (this.stage === 'ordered') {
      if (!this.summaryReady) return renderSkeleton();
      return html`<cover-order-summary
        exportparts=${summaryParts}
        tabindex="-1"
        .order=${this.order}
        .client=${this.client}
        ?confirmed=${this.hostConfirmed}
        poll-interval=${this.pollInterval}
        locale=${this.locale}
      ></cover-order-summary>`;
    }
    return this.quoteTask.render({
      initial: () =>
        this.pickerMode
          ? html`<p class="message" part="picker-hint">${t('picker.hint', 'Choose your device to see its protection plans.')}</p>`
          : nothing,
      pending: () => (this.quoteTask.value ? this.renderOffers(this.quoteTask.value, true) : renderSkeleton()),
      complete: (response) => this.renderOffers(response),
      error: (error) => renderLoadError(shopperMessage(error), () => void this.quoteTask.run()),
    });
  }

  private renderPicker() {
    if (!this.pickerMode || this.stage === 'ordered') return nothing;
    if (!this.pickerReady) return html`<p class="message" part="picker">${t('form.loading', 'Loading…')}</p>`;
    return html`<cover-device-picker
      exportparts=${pickerParts}
      .client=${this.client}
      category=${this.category}
      providers=${this.providers}
      brand=${this.pickedBrand}
      model=${this.pickedModel}
      @cover-device-change=${this.handleDeviceChange}
    ></cover-device-picker>`;
  }

  private renderCard() {
    return html`<section
      class="base ${this.stage === 'ordered' || this.quoteTask.status === TaskStatus.INITIAL ? 'fit' : ''}"
      part="base"
      aria-labelledby="heading"
      aria-busy=${this.quoteTask.status === TaskStatus.PENDING ? 'true' : 'false'}
    >
      <div class="header">
        <h2 id="heading" class="heading" part="heading" tabindex="-1">
          ${this.deviceModel ? t('offers.heading', str`Protect your ${this.deviceModel}`) : t('offers.heading-device', 'Protect your device')}
        </h2>
        ${
          this.layout === 'modal'
            ? html`<button class="text-button close" part="close-button" @click=${() => this.dialog?.close()}>
                ${t('offers.close', 'Close')}
              </button>`
            : nothing
        }
      </div>
      ${this.renderPicker()} ${this.renderBody()}
      <p class="visually-hidden" role="status" aria-live="polite">${this.announcement}</p>
    </section>`;
  }

  private renderLauncher() {
    const value = this.quoteTask.value;
    const prices = value ? this.visibleOffers(value).map((offer) => offer.price) : [];
    const cheapest = prices.sort((first, second) => first.amount - second.amount)[0];
    const label = cheapest
      ? t('offers.launcher-from', str`Protect your device · from ${formatMoney(cheapest, resolveLocale(this.locale))}`)
      : t('offers.launcher', 'Protect your device');
    return html`<button class="secondary-button launcher" part="launcher" aria-haspopup="dialog" @click=${() => void this.open()}>
        ${label}
      </button>
      <dialog part="dialog" aria-labelledby="heading">${this.renderCard()}</dialog>`;
  }

  override render() {
    if (this.quoteTask.status === TaskStatus.INITIAL && !this.order && !this.pickerMode) return nothing;
    return this.layout === 'modal' ? this.renderLauncher() : this.renderCard();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cover-offers': CoverOffers;
  }
}

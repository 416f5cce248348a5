import { LitElement, nothing } from 'lit';
import type { PropertyValues, TemplateResult } from 'lit';
import { localized } from '@lit/localize';
import { property, query, state } from 'lit/decorators.js';
import { createApiClient } from '../../api/client.ts';
import type { ApiClient } from '../../api/client.ts';
import type { Order } from '../../../../contract/types.ts';
import { DeviceController } from '../../controllers/device-controller.ts';
import { LocalizeController } from '../../controllers/localize-controller.ts';
import { QuoteController } from '../../controllers/quote-controller.ts';
import { StepController } from '../../controllers/step-controller.ts';
import type { CoverDeviceChangeEvent } from '../../events/cover-device-change-event.ts';
import type { CoverErrorDetail } from '../../events/cover-error-event.ts';
import { CoverOfferDeclineEvent } from '../../events/cover-offer-decline-event.ts';
import type { CoverOfferSelectEvent } from '../../events/cover-offer-select-event.ts';
import { CoverOffersLoadEvent } from '../../events/cover-offers-load-event.ts';
import type { CoverOrderCreateEvent } from '../../events/cover-order-create-event.ts';
import { str, useCatalogFor } from '../../internal/localize.ts';
import type { Strings } from '../../internal/localize.ts';
import { reportError } from '../../internal/report-error.ts';
import { styles } from './cover-offers.styles.ts';
import { checkImei } from './render-imei-prompt.ts';
import { plansAvailable } from './render-states.ts';
import { renderWidget } from './render-widget.ts';

/** Changing any of these means another device (or merchant), so earlier choices lapse. */
const quoteProperties = ['apiBase', 'publishableKey', 'category', 'brand', 'model', 'price', 'currency', 'country', 'imei'] as const;

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
 * @csspart covered-note - "This device already has … cover": a provider that already covers the device.
 * @csspart error - The error message with its retry button.
 * @csspart retry-button - Loads the offers again.
 * @csspart decline-button - "No thanks".
 * @csspart show-again-button - After "No thanks": shows the plans again.
 * @csspart setup-error - Test mode only: what is wrong with the element's setup (see `error`).
 * @csspart imei-prompt - "Enter your IMEI to see plans from N more insurers". Also imei-button.
 * @csspart launcher - The button that opens the modal layout.
 * @csspart dialog - The modal layout's dialog. Also close-button.
 * @csspart picker - Picker mode: the brand and model fields. Also label, select, input, picker-hint, picker-error.
 * @csspart offers - The offers. Also group, group-heading, offer, offer-selected, offer-type, offer-name, more-button, why, compare, compare-table, terms-link, price.
 * @csspart form - The details form. Also field, label, input, select, hint, field-error, form-error, submit-button, review, review-heading, review-terms, consent, edit-button, confirm-button.
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
  private readonly localize = new LocalizeController(this);
  private readonly steps = new StepController(this, {
    context: () => ({ client: this.client, locale: this.locale, strings: this.strings }),
    onError: (error) => reportError(this, error),
  });
  private readonly device = new DeviceController(this);
  private readonly quote = new QuoteController(this, {
    client: () => this.client,
    page: () => this,
    device: this.device,
    paused: () => this.stage === 'ordered',
    onLoad: (offers, { unavailable }) => {
      this.announcement = plansAvailable(offers.length, this.localize.t);
      // The comparison of covers comes with the details chunk: fetch it while the shopper reads.
      if (offers.length) void this.steps.load('form');
      this.dispatchEvent(new CoverOffersLoadEvent({ offers, unavailable }));
    },
    onError: (error) => {
      reportError(this, error);
      this.checkSetup(error);
    },
  });

  /** The last failure `cover-error` reported (a setup mistake too), for listeners attached after it fired. */
  error?: CoverErrorDetail;

  @query('dialog') private dialog?: HTMLDialogElement;
  @query('#heading') private heading?: HTMLElement;

  @state() private stage: 'choosing' | 'declined' | 'ordered' = 'choosing';
  @state() private order?: Order;
  /** True once the host reported payment through `showConfirmed()`. */
  @state() private hostConfirmed = false;
  @state() private imeiError = '';
  @state() private announcement = '';
  /** @internal Setup mistakes, shown in test mode (internal/check-configuration.ts). */
  @state() setupNotice: TemplateResult | typeof nothing = nothing;

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
  /** The manufacturer's warranty in whole years (0–5), e.g. from the product page: plans that need it do not ask the shopper. */
  @property({ attribute: 'brand-warranty-years' }) brandWarrantyYears = '';
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
  @property({ attribute: false }) strings?: Strings;
  /** How often (ms) the widget asks for the order's status while it waits for payment or the provider. */
  @property({ type: Number, attribute: 'poll-interval' }) pollInterval = 3000;

  protected override willUpdate(changed: PropertyValues<this>) {
    if (changed.has('apiBase') || changed.has('publishableKey')) {
      this.client = this.publishableKey ? createApiClient({ apiBase: this.apiBase, publishableKey: this.publishableKey }) : undefined;
    }
    if (changed.has('locale')) void useCatalogFor(this.localize.locale);
    if (changed.has('brand') || changed.has('model') || changed.has('picker')) this.device.reset();
    if (this.device.pickerMode) void this.steps.load('picker');
    // The IMEI the shopper typed belongs to the device: it lapses when the page names another IMEI.
    if (this.hasUpdated && quoteProperties.some((name) => changed.has(name))) this.forgetChoices({ keepImei: !changed.has('imei') });
  }

  protected override updated() {
    const { publishableKey: key, price } = this;
    // Not a live publishable key (test mode, none, a secret key), or a value that cannot work: the check (a chunk of its own) explains it.
    if (!key.startsWith('pk_live_') || typeof price == 'string' || Number.isNaN(price) || /\/v1\/?$/.test(this.apiBase)) this.checkSetup();
  }

  private checkSetup(failure?: unknown) {
    void import('../../internal/check-configuration.ts').then((check) => check.checkConfiguration(this, failure));
  }

  /** Forgets the shopper's earlier choices: the plan, the order and (unless kept) the IMEI they typed. */
  private forgetChoices({ keepImei = false } = {}) {
    this.stage = 'choosing';
    this.quote.selected = undefined;
    this.order = undefined;
    this.hostConfirmed = false;
    if (keepImei) return;
    this.quote.shopperImei = '';
    this.imeiError = '';
  }

  // The list and the form dispatch the public events themselves; they cross this
  // shadow root (composed) on their way to the page, and are only observed here.
  private readonly handleSelect = ({ detail: { offer } }: CoverOfferSelectEvent) => {
    this.quote.selected = offer;
    this.announcement = this.localize.t('offers.selected', str`${offer.name} selected, ${this.localize.money(offer.price)}`);
    void this.steps.load('form');
  };

  private readonly handleOrderCreate = async ({ detail: { order } }: CoverOrderCreateEvent) => {
    this.order = order;
    this.stage = 'ordered';
    await this.steps.load('summary');
    await this.updateComplete;
    const summary = this.renderRoot.querySelector('cover-order-summary');
    await summary?.updateComplete;
    summary?.focus();
  };

  private readonly handleDeviceChange = ({ detail: { brand, model } }: CoverDeviceChangeEvent) => {
    this.device.pick(brand, model);
    this.forgetChoices();
  };

  private readonly handleDecline = () => {
    this.quote.selected = undefined;
    this.stage = 'declined';
    this.dispatchEvent(new CoverOfferDeclineEvent());
    void this.updateComplete.then(() => this.heading?.focus());
  };

  private readonly handleImei = async (value: string) => {
    const result = await checkImei(value, this.localize.t);
    this.imeiError = 'error' in result ? result.error : '';
    if ('imei' in result) this.quote.shopperImei = result.imei;
    else await this.updateComplete.then(() => this.renderRoot.querySelector<HTMLInputElement>('#prompt-imei')?.focus());
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
    void this.steps.load('summary');
  }

  /** Modal layout: opens the dialog. Other layouts: scrolls the widget into view and focuses its heading. */
  async open(): Promise<void> {
    await this.updateComplete;
    const modal = this.layout === 'modal';
    if (modal && !this.dialog?.open) this.dialog?.showModal();
    if (!modal) this.scrollIntoView({ behavior: 'smooth', block: 'start' });
    this.heading?.focus({ preventScroll: !modal });
  }

  /** Back to the offers as if the page had just loaded: forgets the choice, the details step and any order. */
  reset(): void {
    this.forgetChoices();
    this.device.reset();
    void this.quote.run();
  }

  override render() {
    const { localize, quote, steps, device, stage, layout, order, imeiError, announcement } = this;
    const { category, country, providers, imei, pollInterval, brandWarrantyYears } = this;
    return [
      this.setupNotice,
      renderWidget({
        ...{ localize, quote, steps, device, stage, layout, order, imeiError, announcement },
        confirmed: this.hostConfirmed,
        attributes: { category, country, providers, imei, pollInterval, brandWarrantyYears },
        onSelect: this.handleSelect,
        onCreate: this.handleOrderCreate,
        onDeviceChange: this.handleDeviceChange,
        onImei: this.handleImei,
        onDecline: this.handleDecline,
        onShowAgain: () => (this.stage = 'choosing'),
        onOpen: () => void this.open(),
        onClose: () => this.dialog?.close(),
      }),
    ];
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cover-offers': CoverOffers;
  }
}

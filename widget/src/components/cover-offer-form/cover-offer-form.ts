import { LitElement, html, nothing } from 'lit';
import type { PropertyValues } from 'lit';
import { consume } from '@lit/context';
import { localized } from '@lit/localize';
import { property, state } from 'lit/decorators.js';
import { Task, TaskStatus } from '@lit/task';
import { ApiError } from '../../api/api-error.ts';
import type { ApiClient } from '../../api/client.ts';
import type { CreateOrderRequest } from '../../../../contract/schemas.ts';
import type { Offer, Order } from '../../../../contract/types.ts';
import { apiClientContext, localeContext, stringsContext } from '../../context/widget-context.ts';
import { LocalizeController } from '../../controllers/localize-controller.ts';
import { CoverOrderCreateEvent } from '../../events/cover-order-create-event.ts';
import { providerLabel } from '../../internal/format.ts';
import { str } from '../../internal/localize.ts';
import type { Strings } from '../../internal/localize.ts';
import { createIdempotencyKey } from '../../internal/idempotency-key.ts';
import { fieldsFor } from '../../internal/order-fields.ts';
import type { FieldDefinition, FieldKey } from '../../internal/order-fields.ts';
import {
  buildOrderRequest,
  fieldErrorsByKey,
  loadPhoneParser,
  phoneParserReady,
  validateOrderRequest,
} from '../../internal/order-request.ts';
import { reportError } from '../../internal/report-error.ts';
import type { FieldValues } from '../../internal/order-request.ts';
import { styles } from './cover-offer-form.styles.ts';
import { renderField } from './render-field.ts';
import { renderReview } from './render-review.ts';

/**
 * @tagname cover-offer-form
 * @summary Asks exactly the fields the chosen offer `requires`, checks them with the
 * server's own schemas, shows them for review, and creates the order.
 *
 * @fires cover-order-create - The order was created (status `awaiting_payment`).
 * @fires cover-error - Creating the order failed.
 *
 * @csspart form - The form.
 * @csspart field - A label, input, hint and error together.
 * @csspart label - A field's label.
 * @csspart input - A field's input.
 * @csspart hint - Help text under an input.
 * @csspart field-error - The error under an input.
 * @csspart form-error - An error about the whole submission.
 * @csspart submit-button - "Continue", then (on the review) "Confirm and add plan".
 * @csspart review - The review step. Also review-heading, review-terms, consent, terms-link, edit-button, confirm-button.
 *
 * @cssprop --cover-input-border-color - Border of inputs (defaults to `--cover-color-border`).
 */
@localized()
export class CoverOfferForm extends LitElement {
  static override styles = styles;

  /** Kept across retries of an unchanged body, so a repeated click cannot buy twice. */
  private submission?: { idempotencyKey: string; body: string };
  private fields: FieldDefinition[] = [];
  private readonly localize = new LocalizeController(this);

  // The offer travels with the run: the shopper may pick another one while it is pending.
  private orderTask = new Task<[CreateOrderRequest, string, Offer], { order: Order; offer: Offer }>(this, {
    autoRun: false,
    task: async ([request, idempotencyKey, offer], { signal }) => {
      if (!this.client) throw new Error('cover-offer-form needs a client');
      return { order: await this.client.createOrder(request, idempotencyKey, signal), offer };
    },
    onComplete: (created) => {
      this.submission = undefined;
      this.dispatchEvent(new CoverOrderCreateEvent(created));
    },
    onError: (error) => this.handleOrderError(error),
  });

  @state() private values: FieldValues = {};
  /** Fields the shopper has left once; their errors show from then on. */
  @state() private visited = new Set<FieldKey>();
  /** Errors the server reported for the last submission, cleared as the shopper edits. */
  @state() private serverErrors = new Map<FieldKey, string>();
  @state() private formError = '';
  @state() private announcement = '';
  /** The details passed the schemas and are shown for a last look. */
  @state() private reviewing = false;
  /** The shopper ticked "I have read and agree to the plan terms" on the review. */
  @state() private consented = false;
  @state() private consentError = '';

  @property({ attribute: false }) offer?: Offer;
  /** Inside `<cover-offers>`, its client. */
  @consume({ context: apiClientContext, subscribe: true }) @property({ attribute: false }) client?: ApiClient;
  @property() country = '';
  @property() brand = '';
  @property() model = '';
  /** Prefills the IMEI field when the offer asks for one. */
  @property() imei = '';
  /** The manufacturer's warranty in whole years, when the merchant knows it: the form then does not ask. */
  @property({ attribute: 'brand-warranty-years', type: Number }) brandWarrantyYears?: number;
  /** BCP 47 tag for prices; inside `<cover-offers>`, its `locale`. */
  @consume({ context: localeContext, subscribe: true }) @property() locale = '';
  /** Wording by message id; inside `<cover-offers>`, its `strings`. */
  @consume({ context: stringsContext, subscribe: true }) @property({ attribute: false }) strings?: Strings;

  protected override willUpdate(changed: PropertyValues<this>) {
    // Labels are words in the active language, so the list is rebuilt on every render.
    // A warranty the merchant already named (`brand-warranty-years`) is not asked again.
    const requires = (this.offer?.requires ?? []).filter(
      (path) => !(path === 'device.brandWarrantyYears' && this.knownWarrantyYears() !== undefined),
    );
    this.fields = fieldsFor(requires, this.country, this.localize.t, this.localize.locale);
    // Checks already shown read the number again once the parser is here.
    if (requires.includes('customer.phone') && !phoneParserReady()) void loadPhoneParser().then(() => this.requestUpdate());
    if (changed.has('offer')) {
      // What the shopper typed survives switching offers; the verdicts on it do not.
      this.values = {
        ...this.values,
        'customer.address.country': this.values['customer.address.country'] || this.country,
        'device.imei': this.values['device.imei'] || this.imei,
      };
      this.visited = new Set();
      this.serverErrors = new Map();
      this.formError = '';
      this.submission = undefined;
      this.reviewing = false;
      // Agreeing to one plan's terms is not agreeing to another's.
      this.consented = false;
      this.consentError = '';
    }
  }

  private buildRequest(): CreateOrderRequest {
    const context = { offerId: this.offer?.offerId ?? '', brand: this.brand, model: this.model, country: this.country };
    const request = buildOrderRequest(context, this.fields, this.values);
    const years = this.knownWarrantyYears();
    if (years !== undefined && this.offer?.requires.includes('device.brandWarrantyYears'))
      request.device = { ...request.device, brandWarrantyYears: years };
    return request;
  }

  /** The merchant's `brand-warranty-years` when it is a value the schema takes (0–5 whole years); otherwise the shopper is asked. */
  private knownWarrantyYears(): number | undefined {
    const years = this.brandWarrantyYears;
    return typeof years === 'number' && Number.isInteger(years) && years >= 0 && years <= 5 ? years : undefined;
  }

  private readonly handleInput = (key: FieldKey, value: string) => {
    this.values = { ...this.values, [key]: value };
    if (this.serverErrors.has(key)) {
      this.serverErrors = new Map([...this.serverErrors].filter(([errorKey]) => errorKey !== key));
    }
  };

  private readonly handleBlur = (key: FieldKey) => {
    if (!this.visited.has(key)) this.visited = new Set([...this.visited, key]);
  };

  private async handleSubmit(event: SubmitEvent) {
    event.preventDefault();
    if (!this.offer || this.orderTask.status === TaskStatus.PENDING) return;
    this.visited = new Set(this.fields.map((field) => field.key));
    this.formError = '';
    if (this.fields.some((field) => field.key === 'customer.phone')) await loadPhoneParser();
    const request = this.buildRequest();
    const errors = validateOrderRequest(request, this.offer.requires, this.fields);
    if (errors.size > 0) {
      await this.announceInvalidFields(errors.size);
      return;
    }
    if (!this.reviewing) {
      this.announcement = '';
      await this.showStep(true);
      return;
    }
    // Insurance is not sold without the buyer agreeing to its terms.
    if (!this.consented) {
      this.consentError = this.localize.t('review.consent-required', 'Please agree to the plan terms to add the plan.');
      this.announcement = this.consentError;
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLInputElement>('input[name="consent"]')?.focus();
      return;
    }
    const body = JSON.stringify(request);
    if (this.submission?.body !== body) this.submission = { idempotencyKey: createIdempotencyKey(), body };
    this.announcement = this.localize.t('form.adding', 'Adding the plan…');
    void this.orderTask.run([request, this.submission.idempotencyKey, this.offer]);
  }

  /** Moves between the details and the review, taking focus to the new step's heading. */
  private async showStep(reviewing: boolean) {
    this.reviewing = reviewing;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(reviewing ? '#review-heading' : '#form-heading')?.focus();
  }

  private readonly handleEdit = () => void this.showStep(false);

  private readonly handleConsent = (consented: boolean) => {
    this.consented = consented;
    if (consented) this.consentError = '';
  };

  private async handleOrderError(error: unknown) {
    const message = reportError(this, error);
    if (message === undefined) return;
    const apiError = error instanceof ApiError ? error : undefined;
    const { byKey, unmatched } = fieldErrorsByKey(apiError?.status === 400 ? apiError.fields : [], this.fields);
    this.serverErrors = byKey;
    this.formError = byKey.size === 0 || unmatched.length > 0 ? message : '';
    // Field errors need the fields: back to the details, where they are shown.
    if (byKey.size > 0) this.reviewing = false;
    if (byKey.size > 0) await this.announceInvalidFields(byKey.size);
    else this.announcement = '';
  }

  /** Says how many fields need attention and moves focus to the first of them. */
  private async announceInvalidFields(count: number) {
    const { t } = this.localize;
    this.announcement = count === 1 ? t('form.check-one', 'Please check 1 field.') : t('form.check', str`Please check ${count} fields.`);
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLInputElement>('input[aria-invalid="true"]')?.focus();
  }

  private renderFields(fields: FieldDefinition[], errors: Map<FieldKey, string>) {
    return html`<div class="fields">
      ${fields.map((field) =>
        renderField(field, {
          value: this.values[field.key] ?? '',
          error: this.serverErrors.get(field.key) ?? (this.visited.has(field.key) ? (errors.get(field.key) ?? '') : ''),
          t: this.localize.t,
          onInput: this.handleInput,
          onBlur: this.handleBlur,
        }),
      )}
    </div>`;
  }

  private renderGroup(legend: string, fields: FieldDefinition[], errors: Map<FieldKey, string>) {
    if (fields.length === 0) return nothing;
    return html`<fieldset>
      <legend>${legend}</legend>
      ${this.renderFields(fields, errors)}
    </fieldset>`;
  }

  override render() {
    if (!this.offer) return nothing;
    const { t } = this.localize;
    const pending = this.orderTask.status === TaskStatus.PENDING;
    const status = html`<p class="form-error" part="form-error" role="alert">${this.formError}</p>
      <p class="visually-hidden" role="status">${this.announcement}</p>`;
    if (this.reviewing) {
      return html`<form part="form" novalidate aria-labelledby="review-heading" @submit=${this.handleSubmit}>
        ${renderReview({
          ...{ offer: this.offer, fields: this.fields, values: this.values, localize: this.localize, pending },
          country: this.country,
          consented: this.consented,
          consentError: this.consentError,
          onConsent: this.handleConsent,
          onEdit: this.handleEdit,
        })}
        ${status}
      </form>`;
    }
    const errors = validateOrderRequest(this.buildRequest(), this.offer.requires, this.fields);
    const group = (prefix: string) => this.fields.filter((field) => field.key.startsWith(prefix));
    const contact = this.fields.filter((field) => !field.key.startsWith('customer.address.') && !field.key.startsWith('device.'));
    return html`
      <form part="form" novalidate aria-labelledby="form-heading" @submit=${this.handleSubmit}>
        <h3 id="form-heading" class="heading" tabindex="-1">${t('form.heading', 'Your details for this plan')}</h3>
        <p class="intro">${t('form.intro', str`${providerLabel(this.offer)} needs these to issue your policy.`)}</p>
        ${contact.length ? this.renderFields(contact, errors) : nothing}
        ${this.renderGroup(t('form.address', 'Address'), group('customer.address.'), errors)}
        ${this.renderGroup(t('form.device', 'Your device'), group('device.'), errors)} ${status}
        <div class="actions">
          <button type="submit" class="primary-button" part="submit-button">${t('form.continue', 'Continue to review')}</button>
        </div>
      </form>
    `;
  }
}

/** Loaded with this chunk (internal/load-steps.ts): the offer view ships without it. */
export { CoverOfferCompare } from '../cover-offer-compare/cover-offer-compare.ts';

declare global {
  interface HTMLElementTagNameMap {
    'cover-offer-form': CoverOfferForm;
  }
}

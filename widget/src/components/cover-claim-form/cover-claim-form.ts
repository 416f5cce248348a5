import { LitElement, html, nothing } from 'lit';
import { consume } from '@lit/context';
import { localized } from '@lit/localize';
import { property, state } from 'lit/decorators.js';
import { ApiError, isAbortError } from '../../api/api-error.ts';
import type { ApiClient } from '../../api/client.ts';
import type { ClaimOptions } from '../../api/claim-types.ts';
import { uploadClaim } from '../../api/claim-upload.ts';
import type { Order } from '../../../../contract/types.ts';
import { apiClientContext, localeContext, stringsContext } from '../../context/widget-context.ts';
import { LocalizeController } from '../../controllers/localize-controller.ts';
import { CoverClaimCreateEvent } from '../../events/cover-claim-create-event.ts';
import { createIdempotencyKey } from '../../internal/idempotency-key.ts';
import { str } from '../../internal/localize.ts';
import type { Strings } from '../../internal/localize.ts';
import { reportError } from '../../internal/report-error.ts';
import {
  checkFile,
  checkStep,
  claimRequest,
  emptyDraft,
  requiredFiles,
  stepsFor,
  type ClaimDraft,
  type ClaimStep,
  type FileField,
} from './claim-draft.ts';
import type { FieldContext } from './render-claim-fields.ts';
import { renderDetails, renderFile, renderSlots, renderWhat } from './render-claim-fields.ts';
import { renderReview } from './render-claim-review.ts';
import { styles } from './cover-claim-form.styles.ts';

/**
 * @tagname cover-claim-form
 * @summary The claim steps: what happened → details → invoice and photo → visit slot (where
 * the provider schedules) → review → upload with progress. A failed upload keeps everything
 * entered; "Try again" resends it under the same Idempotency-Key, so it is filed once.
 *
 * @fires cover-claim-create - The provider took the claim.
 * @fires cover-error - Filing the claim failed.
 *
 * @csspart claim-form - The form. Also field, label, input, field-error, file-input, preview, progress, submit-button, retry-button.
 */
@localized()
export class CoverClaimForm extends LitElement {
  static override styles = styles;

  private readonly localize = new LocalizeController(this);
  private idempotencyKey = '';
  private uploadController?: AbortController;

  @state() private draft: ClaimDraft = emptyDraft('IN');
  @state() private stepIndex = 0;
  @state() private errors: Record<string, string> = {};
  @state() private previews: Partial<Record<FileField, string>> = {};
  @state() private phase: 'editing' | 'uploading' | 'failed' = 'editing';
  @state() private progress = 0;
  @state() private failure = '';

  @property({ attribute: false }) order?: Order;
  @property({ attribute: false }) options?: ClaimOptions;
  @property({ attribute: false }) clientSecret = '';
  @consume({ context: apiClientContext, subscribe: true }) @property({ attribute: false }) client?: ApiClient;
  @consume({ context: localeContext, subscribe: true }) @property() locale = '';
  @consume({ context: stringsContext, subscribe: true }) @property({ attribute: false }) strings?: Strings;

  override disconnectedCallback() {
    super.disconnectedCallback();
    this.uploadController?.abort();
    for (const url of Object.values(this.previews)) if (url) URL.revokeObjectURL(url);
  }

  private get steps(): ClaimStep[] {
    return this.options ? stepsFor(this.options) : ['what'];
  }

  private updateDraft(patch: Partial<ClaimDraft>) {
    this.draft = { ...this.draft, ...patch };
    // Something changed: a later submit is a different claim, with its own key.
    this.idempotencyKey = '';
  }

  private handleInput = (id: string, value: string) => {
    if (id in this.draft.address) this.updateDraft({ address: { ...this.draft.address, [id]: value } });
    else this.updateDraft({ [id]: value } as Partial<ClaimDraft>);
    if (this.errors[id]) this.errors = { ...this.errors, [id]: '' };
  };

  private handleFile = (field: FileField, file: File | undefined) => {
    const previous = this.previews[field];
    if (previous) URL.revokeObjectURL(previous);
    const problem = file ? checkFile(file, this.localize.t) : '';
    this.errors = { ...this.errors, [field]: problem };
    const files = { ...this.draft.files };
    if (file && !problem) files[field] = file;
    else delete files[field];
    this.previews = { ...this.previews, [field]: file && !problem ? URL.createObjectURL(file) : undefined };
    this.updateDraft({ files });
  };

  private async focusStep() {
    await this.updateComplete;
    const invalid = this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]');
    (invalid ?? this.renderRoot.querySelector<HTMLElement>('.step-heading'))?.focus();
  }

  private next() {
    if (!this.options) return;
    const errors = checkStep(this.steps[this.stepIndex]!, this.draft, this.options, this.localize.t);
    this.errors = errors;
    if (Object.values(errors).some(Boolean)) {
      void this.focusStep();
      return;
    }
    this.stepIndex = Math.min(this.stepIndex + 1, this.steps.length - 1);
    void this.focusStep();
  }

  private back() {
    this.errors = {};
    this.stepIndex = Math.max(0, this.stepIndex - 1);
    void this.focusStep();
  }

  private goTo(step: ClaimStep) {
    this.stepIndex = Math.max(0, this.steps.indexOf(step));
    void this.focusStep();
  }

  private cancel() {
    this.uploadController?.abort();
    this.dispatchEvent(new Event('cover-claim-cancel', { bubbles: true }));
  }

  private async submit() {
    const { order, options, client } = this;
    if (!order || !options || !client || this.phase === 'uploading') return;
    this.idempotencyKey ||= createIdempotencyKey();
    this.phase = 'uploading';
    this.progress = 0;
    this.failure = '';
    this.uploadController = new AbortController();
    try {
      const claim = await uploadClaim({
        ...client.options,
        orderId: order.id,
        clientSecret: this.clientSecret,
        idempotencyKey: this.idempotencyKey,
        claim: claimRequest(this.draft, options),
        files: this.draft.files,
        onProgress: (fraction) => (this.progress = fraction),
        signal: this.uploadController.signal,
      });
      this.dispatchEvent(new CoverClaimCreateEvent({ claim }));
    } catch (error) {
      if (isAbortError(error)) return;
      this.phase = 'failed';
      this.failure = reportError(this, error) ?? '';
      // A dropped connection: send again by itself when the browser is back online (same key, so once).
      if (error instanceof ApiError && error.code === 'network_error') this.retryWhenOnline();
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[part~="retry-button"]')?.focus();
    }
  }

  private retryWhenOnline() {
    const retry = () => {
      if (this.isConnected && this.phase === 'failed') void this.submit();
    };
    window.addEventListener('online', retry, { once: true });
  }

  private renderStep(step: ClaimStep, context: FieldContext) {
    switch (step) {
      case 'what':
        return renderWhat(context);
      case 'details':
        return renderDetails(context);
      case 'files':
        return requiredFiles(context.options).map((field) => renderFile(field, context));
      case 'slot':
        return renderSlots(context);
      default:
        return renderReview(context, (target) => this.goTo(target));
    }
  }

  private renderUpload() {
    const { t } = this.localize;
    const percent = Math.round(this.progress * 100);
    if (this.phase === 'uploading')
      return html`<div class="upload" role="status">
        <p>${t('claim.uploading', str`Sending your claim… ${percent}%`)}</p>
        <progress part="progress" max="100" value=${percent} aria-label=${t('claim.progress', 'Upload progress')}></progress>
      </div>`;
    if (this.phase === 'failed')
      return html`<div class="failure" role="alert">
        <p>${this.failure}</p>
        <p class="muted">${t('claim.kept', 'Nothing you entered is lost. Try again when your connection is back.')}</p>
        <button class="primary-button" part="retry-button" @click=${this.submit}>${t('offers.retry', 'Try again')}</button>
      </div>`;
    return nothing;
  }

  override render() {
    const { t } = this.localize;
    const options = this.options;
    if (!options) return nothing;
    const steps = this.steps;
    const step = steps[this.stepIndex]!;
    const last = step === 'review';
    const context: FieldContext = {
      draft: this.draft,
      options,
      errors: this.errors,
      previews: this.previews,
      t,
      formatDate: (date) => this.localize.date(date),
      onInput: this.handleInput,
      onFile: this.handleFile,
    };
    return html`<form
      class="claim-form"
      part="claim-form"
      novalidate
      aria-labelledby="claim-form-heading"
      @submit=${(event: Event) => event.preventDefault()}
    >
      <p class="step-count" id="claim-form-heading">
        ${t('claim.heading', 'Make a claim')} · ${t('claim.step-count', str`Step ${this.stepIndex + 1} of ${steps.length}`)}
      </p>
      <h4 class="step-heading" tabindex="-1">${stepTitle(step, t)}</h4>
      <fieldset class="step" ?disabled=${this.phase === 'uploading'}>${this.renderStep(step, context)}</fieldset>
      ${this.renderUpload()}
      <div class="actions">
        ${
          this.phase === 'editing'
            ? last
              ? html`<button type="button" class="primary-button" part="submit-button" @click=${this.submit}>
                  ${t('claim.submit', 'Submit claim')}
                </button>`
              : html`<button type="button" class="primary-button" part="submit-button" @click=${this.next}>
                  ${t('claim.continue', 'Continue')}
                </button>`
            : nothing
        }
        ${this.stepIndex > 0 && this.phase !== 'uploading' ? html`<button type="button" class="secondary-button" @click=${this.back}>${t('claim.back', 'Back')}</button>` : nothing}
        <button type="button" class="text-button" @click=${this.cancel}>${t('claim.cancel', 'Cancel')}</button>
      </div>
    </form>`;
  }
}

function stepTitle(step: ClaimStep, t: (id: string, template: string) => string): string {
  switch (step) {
    case 'what':
      return t('claim.step-what', 'What happened');
    case 'details':
      return t('claim.step-details', 'Details');
    case 'files':
      return t('claim.step-files', 'Invoice and photo');
    case 'slot':
      return t('claim.step-slot', 'Visit');
    default:
      return t('claim.step-review', 'Check and submit');
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cover-claim-form': CoverClaimForm;
  }
}

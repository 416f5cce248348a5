import { LitElement, html, nothing } from 'lit';
import type { PropertyValues } from 'lit';
import { consume } from '@lit/context';
import { localized } from '@lit/localize';
import { property, query, state } from 'lit/decorators.js';
import { shopperMessage } from '../../api/api-error.ts';
import type { ApiClient } from '../../api/client.ts';
import type { Order, OrderStatus } from '../../../../contract/types.ts';
import { apiClientContext, localeContext, stringsContext } from '../../context/widget-context.ts';
import { LocalizeController } from '../../controllers/localize-controller.ts';
import { OrderPollController } from '../../controllers/order-poll-controller.ts';
import { CoverOrderConfirmEvent } from '../../events/cover-order-confirm-event.ts';
import type { CoverOrderUpdateEvent } from '../../events/cover-order-update-event.ts';
import { define } from '../../internal/define.ts';
import { orderStatusLabel, providerLabel } from '../../internal/format.ts';
import type { Strings, Translate } from '../../internal/localize.ts';
import { styles } from './cover-order-summary.styles.ts';

/** Statuses that change without the shopper: the widget keeps asking while the order has one. */
const waitingStatuses = new Set<OrderStatus>(['awaiting_payment', 'binding', 'pending']);
const problemStatuses = new Set<OrderStatus>(['declined', 'failed', 'cancelled']);

function titleFor(order: Order, t: Translate): string {
  switch (order.status) {
    case 'awaiting_payment':
      return t('summary.awaiting-payment', 'Plan added — complete payment to activate');
    case 'active':
      return t('summary.active', 'Your device is protected');
    case 'pending_activation':
      return t('summary.pending-activation', 'One more step to activate your plan');
    case 'pending':
      return t('summary.pending', 'Your plan is being reviewed');
    case 'binding':
      return t('summary.binding', 'Your plan is being issued');
    case 'cancelled':
      return t('summary.cancelled', 'This plan was cancelled');
    default:
      return t('summary.declined', 'The provider could not issue this plan');
  }
}

/**
 * @tagname cover-order-summary
 * @summary What happened to the shopper's order: added and awaiting payment, then (as the
 * host reports payment, or as the widget sees it by asking) the policy with its reference,
 * dates, activation step and certificate.
 *
 * @fires cover-order-confirm - The widget saw the order leave `awaiting_payment`/`binding`.
 *
 * @csspart summary - The box around the summary.
 * @csspart summary-title - Its headline.
 * @csspart policy-reference - The provider's policy reference.
 * @csspart certificate-button - Downloads the policy certificate.
 * @csspart activation - The activation step. Also activation-code, record-button, stop-button, file-input, upload-button, progress.
 *
 * @cssprop --cover-color-success - Tint of the box.
 */
@localized()
export class CoverOrderSummary extends LitElement {
  static override styles = styles;

  private readonly localize = new LocalizeController(this);
  private readonly poll = new OrderPollController(this);

  @query('.title') private titleElement?: HTMLElement;

  @state() private activationReady = false;
  @state() private certificateError = '';
  @state() private downloading = false;

  @property({ attribute: false }) order?: Order;
  /** Inside `<cover-offers>`, its client. */
  @consume({ context: apiClientContext, subscribe: true }) @property({ attribute: false }) client?: ApiClient;
  /** The host reported the outcome (`showConfirmed()`); no event is fired for it. */
  @property({ type: Boolean }) confirmed = false;
  @property({ type: Number, attribute: 'poll-interval' }) pollInterval = 3000;
  /** BCP 47 tag for money and dates; inside `<cover-offers>`, its `locale`. */
  @consume({ context: localeContext, subscribe: true }) @property() locale = '';
  /** Wording by message id; inside `<cover-offers>`, its `strings`. */
  @consume({ context: stringsContext, subscribe: true }) @property({ attribute: false }) strings?: Strings;

  override connectedCallback() {
    super.connectedCallback();
    if (this.hasUpdated) this.followOrder();
  }

  protected override willUpdate(changed: PropertyValues<this>) {
    if (changed.has('order') || changed.has('client')) this.followOrder();
    if (this.order?.status === 'pending_activation' && !this.activationReady) void this.loadActivation();
  }

  private followOrder() {
    this.poll.stop();
    const order = this.order;
    if (!order || !this.client || !order.clientSecret || !waitingStatuses.has(order.status)) return;
    this.poll.start({
      client: this.client,
      order,
      intervalMilliseconds: this.pollInterval,
      onOrder: (fresh) => {
        if (fresh.status === order.status && fresh.policy?.reference === order.policy?.reference) return false;
        const leftPayment = order.status === 'awaiting_payment' || order.status === 'binding';
        this.order = fresh; // willUpdate follows the new status (or stops)
        if (leftPayment && fresh.status !== 'awaiting_payment' && fresh.status !== 'binding') {
          this.dispatchEvent(new CoverOrderConfirmEvent({ order: fresh }));
        }
        return true;
      },
    });
  }

  private async loadActivation() {
    const { CoverActivation } = await import('../cover-activation/cover-activation.ts');
    define('cover-activation', CoverActivation);
    this.activationReady = true;
  }

  private handleUpdate(event: CoverOrderUpdateEvent) {
    this.order = event.order;
    void this.updateComplete.then(() => this.focus());
  }

  private async downloadCertificate() {
    const order = this.order;
    if (!order?.clientSecret || !this.client) return;
    this.downloading = true;
    this.certificateError = '';
    try {
      const blob = await this.client.getCertificate(order.id, order.clientSecret);
      const extension = blob.type.includes('pdf') ? 'pdf' : blob.type.includes('png') ? 'png' : blob.type.includes('jpeg') ? 'jpg' : 'bin';
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = `policy-${order.policy?.reference ?? order.id}.${extension}`;
      link.hidden = true;
      this.renderRoot.appendChild(link);
      link.click();
      link.remove();
      // The download has started by now; keep the URL a little for slow browsers.
      setTimeout(() => URL.revokeObjectURL(url), 30_000);
    } catch (error) {
      this.certificateError = shopperMessage(error);
    } finally {
      this.downloading = false;
    }
  }

  /** Focus goes to the headline: it says what just happened. */
  override focus(options?: FocusOptions) {
    this.titleElement?.focus(options);
  }

  private renderPolicy(order: Order) {
    const { t } = this.localize;
    const policy = order.policy;
    return html`
      <dl>
        <dt>${t('summary.status', 'Status')}</dt>
        <dd>${orderStatusLabel(order.status, t)}</dd>
        ${
          policy
            ? html`
                <dt>${t('summary.reference', 'Policy reference')}</dt>
                <dd class="reference" part="policy-reference">${policy.reference}</dd>
                <dt>${t('summary.starts', 'Cover starts')}</dt>
                <dd>${this.localize.date(policy.startsAt)}</dd>
                <dt>${t('summary.ends', 'Cover ends')}</dt>
                <dd>${this.localize.date(policy.endsAt)}</dd>
              `
            : nothing
        }
        <dt>${t('summary.order', 'Order')}</dt>
        <dd class="reference">${order.id}</dd>
      </dl>
      ${order.failureReason && problemStatuses.has(order.status) ? html`<p class="plan">${order.failureReason}</p>` : nothing}
    `;
  }

  private renderActivation(order: Order) {
    const { t } = this.localize;
    if (order.status !== 'pending_activation') return nothing;
    if (!this.activationReady) return html`<p class="plan">${t('form.loading', 'Loading…')}</p>`;
    return html`<cover-activation
      exportparts="activation, activation-code, record-button, stop-button, file-input, upload-button, progress"
      .order=${order}
      poll-interval=${this.pollInterval}
      @cover-order-update=${this.handleUpdate}
    ></cover-activation>`;
  }

  private renderCertificate(order: Order) {
    const { t } = this.localize;
    if (!order.policy?.certificate || !order.clientSecret) return nothing;
    return html`<div class="certificate">
      <button class="secondary-button" part="certificate-button" ?disabled=${this.downloading} @click=${this.downloadCertificate}>
        ${this.downloading ? t('summary.downloading', 'Downloading…') : t('summary.certificate', 'Download certificate')}
      </button>
      <p class="error" role="alert">${this.certificateError}</p>
    </div>`;
  }

  override render() {
    const order = this.order;
    if (!order) return nothing;
    const { t } = this.localize;
    const settled = order.status !== 'awaiting_payment';
    const plan = order.offer;
    return html`
      <div class="summary ${problemStatuses.has(order.status) ? 'problem' : ''}" part="summary">
        <h3 class="title" part="summary-title" tabindex="-1">${titleFor(order, t)}</h3>
        <p class="visually-hidden" role="status">${titleFor(order, t)}</p>
        ${
          plan
            ? html`<p class="plan">
                ${[this.localize.planType(plan.type), this.localize.term(plan.termMonths), this.localize.money(plan.price), providerLabel(plan)].join(' · ')}
              </p>`
            : nothing
        }
        ${
          settled || this.confirmed
            ? this.renderPolicy(order)
            : html`<dl>
                <dt>${t('summary.order', 'Order')}</dt>
                <dd class="reference">${order.id}</dd>
              </dl>`
        }
        ${this.renderActivation(order)} ${this.renderCertificate(order)}
      </div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cover-order-summary': CoverOrderSummary;
  }
}

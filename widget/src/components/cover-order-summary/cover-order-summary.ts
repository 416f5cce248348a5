import { LitElement, html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import type { Order, OrderStatus } from '../../api/types.ts';
import { formatDate, formatMoney, orderStatusLabels, planTypeLabels, providerNames, resolveLocale } from '../../internal/format.ts';
import { styles } from './cover-order-summary.styles.ts';

const confirmedTitles: Partial<Record<OrderStatus, string>> = {
  active: 'Your device is protected',
  pending_activation: 'One more step to activate your plan',
  pending: 'Your plan is being reviewed',
  binding: 'Your plan is being issued',
  declined: 'The provider could not issue this plan',
  failed: 'The provider could not issue this plan',
  cancelled: 'This plan was cancelled',
};

const problemStatuses = new Set<OrderStatus>(['declined', 'failed', 'cancelled']);

/**
 * @summary What happened to the shopper's order: added and awaiting payment, or (once
 * the host reports payment) the policy with its reference and dates.
 *
 * @csspart summary - The box around the summary.
 * @csspart summary-title - Its headline.
 * @csspart policy-reference - The provider's policy reference.
 *
 * @cssprop --cover-color-success - Tint of the box.
 */
export class CoverOrderSummary extends LitElement {
  static override styles = styles;

  @property({ attribute: false }) order?: Order;

  /** Show the policy (after payment) rather than the "complete payment" step. */
  @property({ type: Boolean }) confirmed = false;

  @property() locale = '';

  private renderPolicy(order: Order, locale: string) {
    const policy = order.policy;
    return html`
      <dl>
        <dt>Status</dt>
        <dd>${orderStatusLabels[order.status] ?? order.status}</dd>
        ${
          policy
            ? html`
                <dt>Policy reference</dt>
                <dd class="reference" part="policy-reference">${policy.reference}</dd>
                <dt>Cover starts</dt>
                <dd>${formatDate(policy.startsAt, locale)}</dd>
                <dt>Cover ends</dt>
                <dd>${formatDate(policy.endsAt, locale)}</dd>
                ${
                  policy.activationCode
                    ? html`<dt>Activation code</dt>
                        <dd class="reference">${policy.activationCode}</dd>`
                    : nothing
                }
              `
            : nothing
        }
        <dt>Order</dt>
        <dd class="reference">${order.id}</dd>
      </dl>
    `;
  }

  override render() {
    const order = this.order;
    if (!order) return nothing;
    const locale = resolveLocale(this.locale);
    const title = this.confirmed
      ? (confirmedTitles[order.status] ?? orderStatusLabels[order.status] ?? order.status)
      : 'Plan added — complete payment to activate';
    const problem = this.confirmed && problemStatuses.has(order.status);
    const plan = order.offer;
    return html`
      <div class="summary ${problem ? 'problem' : ''}" part="summary" role="status">
        <p class="title" part="summary-title">${title}</p>
        ${
          plan
            ? html`<p class="plan">
                ${planTypeLabels[plan.type] ?? plan.type} · ${plan.name} · ${formatMoney(plan.price, locale)} ·
                ${providerNames[plan.provider] ?? plan.provider}
              </p>`
            : nothing
        }
        ${
          this.confirmed
            ? this.renderPolicy(order, locale)
            : html`<dl>
                <dt>Order</dt>
                <dd class="reference">${order.id}</dd>
              </dl>`
        }
      </div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cover-order-summary': CoverOrderSummary;
  }
}

import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { sharedStyles } from './console-styles.ts';
import type { OrderAction, OrderRow } from './console-types.ts';
import { formatAge, formatDate, formatMoney } from './format.ts';
import { detailStyles, renderClaimDetails, renderOrderDetails } from './render-order-details.ts';

/** Fired when the operator confirms an action on an order. */
export class CkOrderActionEvent extends Event {
  constructor(
    readonly orderId: string,
    readonly request: OrderAction,
  ) {
    super('ck-order-action', { bubbles: true, composed: true });
  }
}

const RECONCILABLE = new Set(['binding', 'pending', 'pending_activation']);
const CANCELLABLE = new Set(['active', 'pending_activation']);

/**
 * @summary One order as an operator needs it: what happened, the provider's references,
 * what to do, and the actions that apply to it (retry reconcile, mark refunded, cancel).
 * @fires ck-order-action - The operator confirmed an action.
 */
@customElement('ck-order-card')
export class CkOrderCard extends LitElement {
  static override styles = [
    sharedStyles,
    detailStyles,
    css`
      article {
        background: var(--ck-surface);
        border: 1px solid var(--ck-border);
        border-left: 6px solid var(--ck-border);
        border-radius: var(--ck-radius);
        padding: var(--ck-space);
        display: grid;
        gap: 0.6rem;
      }
      article.failed_after_payment {
        border-left-color: var(--ck-danger);
      }
      article.binding_too_long,
      article.price_difference,
      article.pending_too_long,
      article.claim_awaiting_decision {
        border-left-color: var(--ck-warning);
      }
      header {
        display: flex;
        flex-wrap: wrap;
        gap: 0.4rem 0.75rem;
        align-items: baseline;
      }
      h3 {
        margin: 0;
        font-size: 1.05rem;
      }
      .badge {
        font-size: 0.8rem;
        font-weight: 600;
        padding: 0.1rem 0.5rem;
        border-radius: 999px;
        background: var(--ck-bg);
      }
      .failed_after_payment .badge.kind {
        background: var(--ck-danger-bg);
        color: var(--ck-danger);
      }
      .todo {
        margin: 0;
        padding: 0.5rem 0.75rem;
        background: var(--ck-warning-bg);
        border-radius: var(--ck-radius);
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
        align-items: end;
      }
      .confirm {
        display: grid;
        gap: 0.4rem;
        flex: 1 1 16rem;
      }
    `,
  ];

  @state() private asking: 'refunded' | 'cancel' | null = null;
  @property({ attribute: false }) row!: OrderRow;
  /** An action on this order is on its way. */
  @property({ type: Boolean }) busy = false;

  private send(request: OrderAction) {
    this.dispatchEvent(new CkOrderActionEvent(this.row.order.id, request));
    this.asking = null;
  }

  private confirm(event: SubmitEvent) {
    event.preventDefault();
    const text = String(new FormData(event.target as HTMLFormElement).get('text') ?? '').trim();
    if (this.asking === 'refunded') this.send({ action: 'refunded', note: text });
    else if (this.asking === 'cancel' && text) this.send({ action: 'cancel', reason: text });
  }

  private renderActions() {
    const { order } = this.row;
    const canReconcile = RECONCILABLE.has(order.status) || (order.status === 'failed' && order.failureKind === 'unknown');
    const paidWithoutCover = (order.status === 'failed' || order.status === 'declined') && order.paymentReference !== null;
    const canRefund = !order.refundedAt && (paidWithoutCover || order.chargedPrice !== null);
    if (this.asking) {
      const refund = this.asking === 'refunded';
      return html`<form class="actions" @submit=${this.confirm}>
        <label class="confirm"
          >${refund ? 'Refund note (optional: how and when)' : 'Reason for cancelling (sent to the provider)'}
          <input name="text" maxlength="500" ?required=${!refund} autocomplete="off" />
        </label>
        <button class=${refund ? 'primary' : 'danger'} type="submit">${refund ? 'Mark refunded' : 'Cancel the plan'}</button>
        <button type="button" @click=${() => (this.asking = null)}>Back</button>
      </form>`;
    }
    return html`<div class="actions">
      ${canReconcile ? html`<button ?disabled=${this.busy} @click=${() => this.send({ action: 'reconcile' })}>Retry reconcile</button>` : nothing}
      ${canRefund ? html`<button class="primary" ?disabled=${this.busy} @click=${() => (this.asking = 'refunded')}>Mark refunded…</button>` : nothing}
      ${CANCELLABLE.has(order.status) ? html`<button class="danger" ?disabled=${this.busy} @click=${() => (this.asking = 'cancel')}>Cancel…</button>` : nothing}
    </div>`;
  }

  override render() {
    const { order, attention, claim } = this.row;
    const price = order.chargedPrice ?? order.price;
    return html`<article class=${attention?.kind ?? 'plain'} aria-labelledby="heading">
      <header>
        ${attention ? html`<span class="badge kind">${attention.title}</span>` : nothing}
        <h3 id="heading" class="mono">${claim ? claim.id : order.id}</h3>
        <span class="badge status">${order.status.replace('_', ' ')}</span>
        <span class="muted">${order.providerName} · ${formatMoney(price)} · updated ${formatAge(order.updatedAt)}</span>
      </header>
      ${attention ? html`<p class="todo"><strong>What to do:</strong> ${attention.todo}</p>` : nothing}
      ${this.row.claim ? renderClaimDetails(this.row.claim, formatDate) : nothing} ${renderOrderDetails(order, formatDate, formatMoney)}
      ${this.row.claim ? nothing : this.renderActions()}
    </article>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ck-order-card': CkOrderCard;
  }
  interface GlobalEventHandlersEventMap {
    'ck-order-action': CkOrderActionEvent;
  }
}

import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { sharedStyles } from './console-styles.ts';
import type { OperatorEvent } from './console-types.ts';
import { formatDate } from './format.ts';

/** Fired when the operator asks for an event to be delivered again. */
export class CkEventResendEvent extends Event {
  constructor(readonly eventId: string) {
    super('ck-event-resend', { bubbles: true, composed: true });
  }
}

const STATE_LABEL: Record<OperatorEvent['state'], string> = {
  pending: 'Retrying',
  delivered: 'Delivered',
  failed: 'Given up',
  not_sent: 'No endpoint',
};

/** Not tried yet: waiting for the delivery worker, nothing went wrong. */
const queued = (event: OperatorEvent) => event.state === 'pending' && event.attempts === 0;

/**
 * @summary The newest events sent to merchants: type, order, delivery state, attempts and the
 * last answer; a re-send for those a merchant's endpoint did not take.
 * @fires ck-event-resend - The operator asked to re-send an event.
 */
@customElement('ck-event-list')
export class CkEventList extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      ul {
        list-style: none;
        margin: 0;
        padding: 0;
        background: var(--ck-surface);
        border: 1px solid var(--ck-border);
        border-radius: var(--ck-radius);
      }
      li {
        display: flex;
        flex-wrap: wrap;
        gap: 0.3rem 0.9rem;
        align-items: center;
        padding: 0.55rem var(--ck-space);
        border-top: 1px solid var(--ck-border);
      }
      li:first-child {
        border-top: 0;
      }
      .state {
        font-size: 0.8rem;
        font-weight: 600;
        padding: 0.1rem 0.5rem;
        border-radius: 999px;
        background: var(--ck-bg);
      }
      .state.delivered {
        background: var(--ck-ok-bg);
        color: var(--ck-ok);
      }
      .state.failed,
      .state.pending {
        background: var(--ck-danger-bg);
        color: var(--ck-danger);
      }
      .grow {
        flex: 1 1 12rem;
      }
    `,
  ];

  @property({ attribute: false }) events: OperatorEvent[] = [];

  override render() {
    if (this.events.length === 0) return html`<p class="muted">No events yet.</p>`;
    return html`<ul>
      ${this.events.map(
        (event) =>
          html`<li data-event=${event.id}>
            <span class="state ${queued(event) ? 'queued' : event.state}">${queued(event) ? 'Queued' : STATE_LABEL[event.state]}</span>
            <span class="grow"><strong>${event.type}</strong> <span class="mono">${event.orderId}</span></span>
            <span class="muted"
              >${formatDate(event.createdAt)} · ${event.attempts}
              attempt${event.attempts === 1 ? '' : 's'}${
                event.lastStatus !== null ? html` · last answer ${event.lastStatus}` : nothing
              }${event.lastError ? html` · ${event.lastError}` : nothing}</span
            >
            ${
              event.state === 'not_sent'
                ? nothing
                : html`<button @click=${() => this.dispatchEvent(new CkEventResendEvent(event.id))}>Re-send</button>`
            }
          </li>`,
      )}
    </ul>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ck-event-list': CkEventList;
  }
  interface GlobalEventHandlersEventMap {
    'ck-event-resend': CkEventResendEvent;
  }
}

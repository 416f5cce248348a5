import { LitElement, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { Task, TaskStatus } from '@lit/task';
import { ConsoleApiError, consoleRequest, TOKEN_STORAGE_KEY } from './console-api.ts';
import { consoleStyles } from './ck-console.styles.ts';
import { sharedStyles } from './console-styles.ts';
import type { OperatorEvent, OrderAction, OrderRow, ProviderHealth, Session } from './console-types.ts';
import type { CkEventResendEvent } from './ck-event-list.ts';
import type { CkOrderActionEvent } from './ck-order-card.ts';
import type { CkSignInEvent } from './ck-sign-in.ts';
import './ck-event-list.ts';
import './ck-order-card.ts';
import './ck-provider-health.ts';
import './ck-sign-in.ts';

const ACTION_DONE: Record<OrderAction['action'], string> = {
  reconcile: 'Reconcile done',
  refunded: 'Marked refunded',
  cancel: 'Cancelled at the provider',
};

/**
 * @summary The operator console: sign-in, orders needing attention (most urgent first),
 * search by order id, policy reference or metadata value, provider health over the last hour, event deliveries and re-send. The token is
 * kept in sessionStorage (gone with the tab), never in a URL.
 */
@customElement('ck-console')
export class CkConsole extends LitElement {
  static override styles = [sharedStyles, consoleStyles];

  @state() private token = sessionStorage.getItem(TOKEN_STORAGE_KEY) ?? '';
  @state() private session: Session | null = null;
  @state() private signInError = '';
  @state() private query = '';
  @state() private notice: { text: string; error: boolean } | null = null;
  @state() private busyOrder: string | null = null;
  /** Bumped after every action, so the queue, search and health are read again. */
  @state() private revision = 0;

  private sessionTask = new Task(this, {
    task: async ([token], { signal }) => {
      if (!token) return null;
      try {
        return (this.session = await consoleRequest<Session>(token, 'GET', '/session', undefined, signal));
      } catch (error) {
        // A wrong token signs out with the server's reason; anything else (server down) is said on the sign-in form.
        if (error instanceof ConsoleApiError && (error.status === 401 || error.status === 403)) this.signOut(error.message);
        else this.signInError = (error as Error).message;
        throw error;
      }
    },
    args: () => [this.token] as const,
  });

  private attentionTask = new Task(this, {
    task: async ([token], { signal }) =>
      this.session ? (await consoleRequest<{ data: OrderRow[] }>(token, 'GET', '/attention', undefined, signal)).data : [],
    args: () => [this.token, this.session, this.revision] as const,
  });

  private searchTask = new Task(this, {
    task: async ([token, query], { signal }) =>
      this.session && query
        ? (await consoleRequest<{ data: OrderRow[] }>(token, 'GET', `/orders?q=${encodeURIComponent(query)}`, undefined, signal)).data
        : null,
    args: () => [this.token, this.query, this.session, this.revision] as const,
  });

  private healthTask = new Task(this, {
    task: async ([token], { signal }) =>
      this.session ? (await consoleRequest<{ data: ProviderHealth[] }>(token, 'GET', '/providers', undefined, signal)).data : [],
    args: () => [this.token, this.session, this.revision] as const,
  });

  private eventsTask = new Task(this, {
    task: async ([token], { signal }) =>
      this.session ? (await consoleRequest<{ data: OperatorEvent[] }>(token, 'GET', '/events', undefined, signal)).data : [],
    args: () => [this.token, this.session, this.revision] as const,
  });

  private signIn(event: CkSignInEvent) {
    this.signInError = '';
    sessionStorage.setItem(TOKEN_STORAGE_KEY, event.token);
    // The same token again (the server was down): ask again.
    if (event.token === this.token) void this.sessionTask.run();
    this.token = event.token;
  }

  private signOut(reason = '') {
    sessionStorage.removeItem(TOKEN_STORAGE_KEY);
    this.token = '';
    this.session = null;
    this.signInError = reason;
  }

  private search(event: SubmitEvent) {
    event.preventDefault();
    this.query = String(new FormData(event.target as HTMLFormElement).get('q') ?? '').trim();
  }

  private async act(event: CkOrderActionEvent) {
    const { orderId, request } = event;
    const body =
      request.action === 'refunded' ? { note: request.note } : request.action === 'cancel' ? { reason: request.reason } : undefined;
    this.busyOrder = orderId;
    try {
      await consoleRequest(this.token, 'POST', `/orders/${encodeURIComponent(orderId)}/${request.action}`, body);
      this.notice = { text: `${ACTION_DONE[request.action]}: ${orderId}`, error: false };
    } catch (error) {
      this.notice = { text: `${orderId}: ${(error as Error).message}`, error: true };
    } finally {
      this.busyOrder = null;
      this.revision += 1;
    }
  }

  private async resend(event: CkEventResendEvent) {
    try {
      await consoleRequest(this.token, 'POST', `/events/${encodeURIComponent(event.eventId)}/resend`);
      this.notice = { text: `Queued again: ${event.eventId}`, error: false };
    } catch (error) {
      this.notice = { text: `${event.eventId}: ${(error as Error).message}`, error: true };
    } finally {
      this.revision += 1;
    }
  }

  private renderRows(rows: readonly OrderRow[], empty: string) {
    if (rows.length === 0) return html`<p class="muted">${empty}</p>`;
    return html`<div class="list">
      ${rows.map((row) => html`<ck-order-card .row=${row} ?busy=${this.busyOrder === row.order.id}></ck-order-card>`)}
    </div>`;
  }

  private renderError = (error: unknown) => html`<p class="notice error" role="alert">${(error as Error).message}</p>`;

  override render() {
    if (!this.session) {
      const busy = this.sessionTask.status === TaskStatus.PENDING;
      return html`<ck-sign-in .error=${this.signInError} ?busy=${busy} @ck-sign-in=${this.signIn}></ck-sign-in>`;
    }
    return html`<header>
        <h1>Coverkit operator console<span class="mode">${this.session.mode.toUpperCase()}</span></h1>
        <span>${this.session.scope === 'operator' ? 'All merchants' : `Merchant ${this.session.merchantId}`}</span>
        <button @click=${() => this.signOut()}>Sign out</button>
      </header>
      <main @ck-order-action=${this.act} @ck-event-resend=${this.resend}>
        ${
          this.notice
            ? html`<p class="notice ${this.notice.error ? 'error' : ''}" role="status">${this.notice.text}</p>`
            : html`<p class="visually-hidden" role="status"></p>`
        }
        <section aria-labelledby="search-title">
          <h2 id="search-title">Find an order</h2>
          <form class="search" role="search" @submit=${this.search}>
            <label class="visually-hidden" for="q">Order id, policy reference or metadata value</label>
            <input
              id="q"
              name="q"
              type="search"
              placeholder="Order id, policy reference or metadata value"
              minlength="3"
              maxlength="200"
              autocomplete="off"
            />
            <button class="primary" type="submit">Search</button>
          </form>
          ${
            this.query
              ? this.searchTask.render({
                  pending: () => html`<p class="muted">Searching…</p>`,
                  complete: (rows) =>
                    html`<h3>Results for “${this.query}”</h3>
                      ${this.renderRows(rows ?? [], 'No order has this id, policy reference or metadata value.')}`,
                  error: this.renderError,
                })
              : nothing
          }
        </section>
        <section aria-labelledby="attention-title">
          <h2 id="attention-title">Needs attention</h2>
          ${this.attentionTask.render({
            pending: () => html`<p class="muted">Loading…</p>`,
            complete: (rows) => this.renderRows(rows, 'Nothing needs attention.'),
            error: this.renderError,
          })}
        </section>
        <section aria-labelledby="health-title">
          <h2 id="health-title">Provider health, last hour</h2>
          ${this.healthTask.render({
            complete: (providers) => html`<ck-provider-health .providers=${providers}></ck-provider-health>`,
            error: this.renderError,
          })}
        </section>
        <section aria-labelledby="events-title">
          <h2 id="events-title">Event deliveries to merchants</h2>
          ${this.eventsTask.render({
            complete: (events) => html`<ck-event-list .events=${events}></ck-event-list>`,
            error: this.renderError,
          })}
        </section>
      </main>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ck-console': CkConsole;
  }
}

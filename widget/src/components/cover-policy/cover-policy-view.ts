import { LitElement, html } from 'lit';
import type { PropertyValues } from 'lit';
import { localized } from '@lit/localize';
import { property, state } from 'lit/decorators.js';
import { Task } from '@lit/task';
import { shopperMessage } from '../../api/api-error.ts';
import { createApiClient } from '../../api/client.ts';
import type { ApiClient } from '../../api/client.ts';
import { createClaimsClient } from '../../api/claims.ts';
import type { ClaimsClient } from '../../api/claims.ts';
import type { Claim, ClaimOptions } from '../../api/claim-types.ts';
import type { Order } from '../../../../contract/types.ts';
import { WidgetContextProvider } from '../../context/widget-context.ts';
import { LocalizeController } from '../../controllers/localize-controller.ts';
import { OrderPollController } from '../../controllers/order-poll-controller.ts';
import type { CoverClaimCreateEvent } from '../../events/cover-claim-create-event.ts';
import type { CoverClaimUpdateEvent } from '../../events/cover-claim-update-event.ts';
import type { CoverOrderUpdateEvent } from '../../events/cover-order-update-event.ts';
import { define } from '../../internal/define.ts';
import { useCatalogFor } from '../../internal/localize.ts';
import type { Strings } from '../../internal/localize.ts';
import { reportError } from '../../internal/report-error.ts';
import { renderClaims } from './render-claims.ts';
import { styles } from './cover-policy.styles.ts';

/** Parts of the elements inside, re-exported so `cover-policy::part(…)` reaches them. */
export const policyParts = [
  'policy',
  'summary',
  'summary-title',
  'policy-reference',
  'certificate-button',
  'activation',
  'activation-code',
  'record-button',
  'stop-button',
  'upload-button',
  'claims',
  'claim',
  'claim-status',
  'claim-button',
  'withdraw-button',
  'contact',
  'payout',
  'reasons',
  'claim-form',
  'field',
  'label',
  'input',
  'field-error',
  'file-input',
  'preview',
  'progress',
  'submit-button',
  'retry-button',
].join(', ');

interface Loaded {
  order: Order;
  options: ClaimOptions | undefined;
  claims: Claim[];
}

/**
 * @tagname cover-policy-view
 * @summary `<cover-policy>`'s implementation, inside its shadow root (see cover-policy.ts).
 */
@localized()
export class CoverPolicyView extends LitElement {
  static override styles = styles;

  private client?: ApiClient;
  private claimsClient?: ClaimsClient;
  private readonly localize = new LocalizeController(this);
  private readonly context = new WidgetContextProvider(this);
  /** Follows a policy that is not active yet (an activation video under review, say): claims open once it is. */
  private readonly poll = new OrderPollController(this);
  private readonly loadTask = new Task(this, {
    task: ([orderId, clientSecret], { signal }) => this.load(orderId, clientSecret, signal),
    args: () => [this.orderId, this.clientSecret, this.publishableKey, this.apiBase] as const,
  });

  @state() private claims: Claim[] = [];
  @state() private formOpen = false;
  @state() private formReady = false;

  @property({ attribute: 'publishable-key' }) publishableKey = '';
  @property({ attribute: 'api-base' }) apiBase = globalThis.location?.origin ?? '';
  @property({ attribute: 'order-id' }) orderId = '';
  @property({ attribute: false }) clientSecret = '';
  @property() locale = '';
  @property({ type: Number, attribute: 'poll-interval' }) pollInterval = 3000;
  @property({ attribute: false }) strings?: Strings;

  override connectedCallback() {
    super.connectedCallback();
    this.setAttribute('exportparts', policyParts);
  }

  protected override willUpdate(changed: PropertyValues<this>) {
    if (changed.has('publishableKey') || changed.has('apiBase')) {
      const options = { apiBase: this.apiBase, publishableKey: this.publishableKey };
      this.client = this.publishableKey ? createApiClient(options) : undefined;
      this.claimsClient = this.publishableKey ? createClaimsClient(options) : undefined;
    }
    if (changed.has('locale')) void useCatalogFor(this.localize.locale);
    this.context.provide({ client: this.client, locale: this.locale, strings: this.strings });
  }

  private async load(orderId: string, clientSecret: string, signal: AbortSignal): Promise<Loaded | undefined> {
    const client = this.client;
    const claimsClient = this.claimsClient;
    if (!client || !claimsClient || !orderId || !clientSecret) return undefined;
    try {
      const order = { ...(await client.getOrder(orderId, clientSecret, signal)), clientSecret };
      // Claims exist only for a policy that has started.
      if (order.status !== 'active') {
        this.followUntilSettled(order);
        return { order, options: undefined, claims: [] };
      }
      const [options, claims] = await Promise.all([
        claimsClient.getClaimOptions(orderId, clientSecret, signal),
        claimsClient.listClaims(orderId, clientSecret, signal),
      ]);
      this.claims = claims;
      return { order, options, claims };
    } catch (error) {
      reportError(this, error);
      throw error;
    }
  }

  private followUntilSettled(order: Order) {
    if (!this.client || !['pending_activation', 'pending', 'binding', 'awaiting_payment'].includes(order.status)) return;
    this.poll.start({
      client: this.client,
      order,
      intervalMilliseconds: this.pollInterval,
      onOrder: (fresh) => {
        if (fresh.status === order.status) return false;
        void this.loadTask.run();
        return true;
      },
    });
  }

  private async openForm() {
    this.formOpen = true;
    if (!this.formReady) {
      const { CoverClaimForm } = await import('../cover-claim-form/cover-claim-form.ts');
      define('cover-claim-form', CoverClaimForm);
      this.formReady = true;
    }
  }

  private handleOrderUpdate(event: CoverOrderUpdateEvent) {
    event.stopPropagation();
    void this.loadTask.run();
  }

  private handleClaimCreate(event: CoverClaimCreateEvent) {
    this.claims = [event.detail.claim, ...this.claims.filter((claim) => claim.id !== event.detail.claim.id)];
    this.formOpen = false;
  }

  private handleClaimUpdate(event: CoverClaimUpdateEvent) {
    this.claims = this.claims.map((claim) => (claim.id === event.detail.claim.id ? event.detail.claim : claim));
  }

  /** Reads the order and its claims again (after the host confirmed something, say). */
  refresh(): void {
    void this.loadTask.run();
  }

  private renderLoaded(loaded: Loaded | undefined) {
    const { t } = this.localize;
    if (!loaded)
      return html`<p class="muted" role="status">
        ${t('policy.missing', 'This plan cannot be shown: the order or its secret is missing.')}
      </p>`;
    return html`<cover-order-summary
        exportparts="summary, summary-title, policy-reference, certificate-button, activation, activation-code, record-button, stop-button, file-input, upload-button, progress"
        .order=${loaded.order}
        confirmed
        poll-interval=${this.pollInterval}
        @cover-order-update=${this.handleOrderUpdate}
      ></cover-order-summary>
      ${renderClaims({
        order: loaded.order,
        options: loaded.options,
        claims: this.claims,
        formOpen: this.formOpen,
        formReady: this.formReady,
        clientSecret: this.clientSecret,
        pollInterval: this.pollInterval,
        t,
        onOpenForm: () => void this.openForm(),
        onCloseForm: () => (this.formOpen = false),
        onCreate: (event) => this.handleClaimCreate(event),
        onUpdate: (event) => this.handleClaimUpdate(event),
      })}`;
  }

  override render() {
    const { t } = this.localize;
    return html`<div class="policy" part="policy">
      ${this.loadTask.render({
        initial: () => this.renderLoaded(undefined),
        pending: () => html`<p class="muted" role="status">${t('policy.loading', 'Loading your plan…')}</p>`,
        complete: (loaded) => this.renderLoaded(loaded),
        error: (error) =>
          html`<div class="error-box" role="alert">
            <p>${shopperMessage(error)}</p>
            <button class="secondary-button" part="retry-button" @click=${() => void this.loadTask.run()}>
              ${t('offers.retry', 'Try again')}
            </button>
          </div>`,
      })}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cover-policy-view': CoverPolicyView;
  }
}

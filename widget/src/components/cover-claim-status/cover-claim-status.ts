import { LitElement, html, nothing } from 'lit';
import type { PropertyValues } from 'lit';
import { consume } from '@lit/context';
import { localized } from '@lit/localize';
import { property, state } from 'lit/decorators.js';
import { isAbortError } from '../../api/api-error.ts';
import type { ApiClient } from '../../api/client.ts';
import { createClaimsClient } from '../../api/claims.ts';
import { finalClaimStatuses, type Claim } from '../../api/claim-types.ts';
import { apiClientContext, localeContext, stringsContext } from '../../context/widget-context.ts';
import { LocalizeController } from '../../controllers/localize-controller.ts';
import { CoverClaimUpdateEvent } from '../../events/cover-claim-update-event.ts';
import type { Strings } from '../../internal/localize.ts';
import { reportError } from '../../internal/report-error.ts';
import { claimStatusLabel, claimTypeLabel } from './claim-labels.ts';
import { styles } from './cover-claim-status.styles.ts';

/** Where the shopper may still change their mind (DESIGN.md: withdraw, 409 where the provider does not allow it). */
const withdrawable = new Set(['submitted', 'in_review', 'scheduled']);
const maximumBackoffMilliseconds = 30_000;

/**
 * @tagname cover-claim-status
 * @summary One claim, followed live until it is decided: its status, the visit booked,
 * the payout or the reasons, and a way to withdraw it while it is open.
 *
 * @fires cover-claim-update - The claim changed status, or the shopper withdrew it.
 * @fires cover-error - Withdrawing failed.
 *
 * @csspart claim - The box. Also claim-status, withdraw-button, payout, reasons.
 */
@localized()
export class CoverClaimStatus extends LitElement {
  static override styles = styles;

  private readonly localize = new LocalizeController(this);
  private timer?: ReturnType<typeof setTimeout>;
  private abortController?: AbortController;

  @state() private confirmingWithdraw = false;
  @state() private withdrawing = false;
  @state() private error = '';

  @property({ attribute: false }) claim?: Claim;
  @property({ attribute: false }) clientSecret = '';
  @property({ type: Number, attribute: 'poll-interval' }) pollInterval = 3000;
  @consume({ context: apiClientContext, subscribe: true }) @property({ attribute: false }) client?: ApiClient;
  @consume({ context: localeContext, subscribe: true }) @property() locale = '';
  @consume({ context: stringsContext, subscribe: true }) @property({ attribute: false }) strings?: Strings;

  override connectedCallback() {
    super.connectedCallback();
    if (this.hasUpdated) this.follow();
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    this.stop();
  }

  protected override willUpdate(changed: PropertyValues<this>) {
    if (changed.has('client') || changed.has('clientSecret') || (changed.has('claim') && changed.get('claim')?.id !== this.claim?.id))
      this.follow();
  }

  private stop() {
    clearTimeout(this.timer);
    this.abortController?.abort();
    this.abortController = undefined;
  }

  /** Asks for the claim until it is final; failures back off rather than give up. */
  private follow() {
    this.stop();
    if (!this.client || !this.clientSecret || !this.claim || finalClaimStatuses.has(this.claim.status)) return;
    const claims = createClaimsClient(this.client.options);
    const controller = (this.abortController = new AbortController());
    const interval = Math.max(250, this.pollInterval);
    let delay = interval;
    const tick = async () => {
      const current = this.claim;
      if (!current) return;
      try {
        const fresh = await claims.getClaim(current.id, this.clientSecret, controller.signal);
        delay = interval;
        if (fresh.status !== current.status || fresh.updatedAt !== current.updatedAt) this.change(fresh);
        if (finalClaimStatuses.has(fresh.status)) return;
      } catch {
        if (controller.signal.aborted) return;
        delay = Math.min(delay * 2, maximumBackoffMilliseconds);
      }
      if (!controller.signal.aborted) this.timer = setTimeout(tick, delay);
    };
    this.timer = setTimeout(tick, delay);
  }

  private change(fresh: Claim) {
    const previousStatus = this.claim?.status ?? '';
    this.claim = fresh;
    this.dispatchEvent(new CoverClaimUpdateEvent({ claim: fresh, previousStatus }));
  }

  private async withdraw() {
    const claim = this.claim;
    if (!claim || !this.client) return;
    this.withdrawing = true;
    this.error = '';
    try {
      const fresh = await createClaimsClient(this.client.options).withdrawClaim(claim.id, this.clientSecret);
      this.stop();
      this.confirmingWithdraw = false;
      this.change(fresh);
    } catch (error) {
      if (!isAbortError(error)) this.error = reportError(this, error) ?? '';
    } finally {
      this.withdrawing = false;
    }
  }

  private renderDecision(claim: Claim) {
    const { t } = this.localize;
    const decision = claim.decision;
    if (!decision) return nothing;
    if (decision.outcome === 'approved')
      return html`<div class="decision approved" part="payout">
        <p class="decision-heading">${t('claim.approved', 'Your claim was approved')}</p>
        ${
          decision.payout
            ? html`<p>
                ${t('claim.payout', 'Payout')}: <strong>${this.localize.money(decision.payout)}</strong>
                ${decision.payout.reference ? html`<span class="reference">(${decision.payout.reference})</span>` : nothing}
              </p>`
            : nothing
        }
      </div>`;
    return html`<div class="decision rejected" part="reasons">
      <p class="decision-heading">${t('claim.rejected', 'Your claim was not approved')}</p>
      ${
        decision.reasons.length
          ? html`<ul>
              ${decision.reasons.map((reason) => html`<li>${reason}</li>`)}
            </ul>`
          : nothing
      }
    </div>`;
  }

  private renderWithdraw(claim: Claim) {
    const { t } = this.localize;
    if (!withdrawable.has(claim.status)) return nothing;
    if (!this.confirmingWithdraw)
      return html`<button class="text-button" part="withdraw-button" @click=${() => (this.confirmingWithdraw = true)}>
        ${t('claim.withdraw', 'Withdraw this claim')}
      </button>`;
    return html`<div class="confirm" role="group" aria-label=${t('claim.withdraw', 'Withdraw this claim')}>
      <p>${t('claim.withdraw-confirm', 'Withdraw this claim? The insurer stops working on it.')}</p>
      <div class="actions">
        <button class="primary-button" part="withdraw-button" ?disabled=${this.withdrawing} @click=${this.withdraw}>
          ${t('claim.withdraw-yes', 'Yes, withdraw')}
        </button>
        <button class="secondary-button" @click=${() => (this.confirmingWithdraw = false)}>
          ${t('claim.withdraw-no', 'Keep the claim')}
        </button>
      </div>
    </div>`;
  }

  override render() {
    const claim = this.claim;
    if (!claim) return nothing;
    const { t } = this.localize;
    const appointment = claim.appointment;
    return html`<article class="claim" part="claim" aria-label=${t('claim.label', 'Claim')}>
      <p class="status-line">
        <span class="badge status-${claim.status}" part="claim-status">${claimStatusLabel(claim.status, t)}</span>
        <span>${claimTypeLabel(claim.type, t)}</span>
      </p>
      <p class="visually-hidden" role="status">${claimStatusLabel(claim.status, t)}</p>
      <dl>
        <dt>${t('claim.reference', 'Claim reference')}</dt>
        <dd class="reference">${claim.reference ?? claim.id}</dd>
        <dt>${t('claim.incident-date', 'Date it happened')}</dt>
        <dd>${this.localize.date(claim.incident.date)}</dd>
        ${
          appointment
            ? html`<dt>${t('claim.appointment', 'Visit')}</dt>
                <dd>${this.localize.date(appointment.date)}, ${appointment.from}–${appointment.to}</dd>`
            : nothing
        }
        <dt>${t('claim.filed', 'Filed')}</dt>
        <dd>${this.localize.date(claim.createdAt)}</dd>
      </dl>
      ${this.renderDecision(claim)}
      ${!finalClaimStatuses.has(claim.status) ? html`<p class="muted">${t('claim.live', 'This updates by itself as the insurer works on your claim.')}</p>` : nothing}
      ${this.renderWithdraw(claim)}
      <p class="error" role="alert">${this.error}</p>
    </article>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cover-claim-status': CoverClaimStatus;
  }
}

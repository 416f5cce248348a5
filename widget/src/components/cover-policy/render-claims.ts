/** The claims section of `<cover-policy>`: the claims so far, how to claim, and the claim steps. */
import { html, nothing } from 'lit';
import type { Claim, ClaimContact, ClaimOptions } from '../../api/claim-types.ts';
import type { Order } from '../../../../contract/types.ts';
import type { CoverClaimCreateEvent } from '../../events/cover-claim-create-event.ts';
import type { CoverClaimUpdateEvent } from '../../events/cover-claim-update-event.ts';
import { providerLabel, safeUrl } from '../../internal/format.ts';
import type { Translate } from '../../internal/localize.ts';

export interface ClaimsView {
  order: Order;
  options: ClaimOptions | undefined;
  claims: Claim[];
  formOpen: boolean;
  formReady: boolean;
  clientSecret: string;
  pollInterval: number;
  t: Translate;
  onOpenForm: () => void;
  onCloseForm: () => void;
  onCreate: (event: CoverClaimCreateEvent) => void;
  onUpdate: (event: CoverClaimUpdateEvent) => void;
}

function renderContact(contact: ClaimContact, provider: string, t: Translate) {
  const url = safeUrl(contact.url ?? undefined);
  return html`<div class="contact" part="contact">
    <p>${t('claims.contact', 'To make a claim, contact the insurer directly:')} <strong>${provider}</strong></p>
    <ul>
      ${contact.phone ? html`<li>${t('claims.contact-phone', 'Phone')}: <a href="tel:${contact.phone.replace(/[^+\d]/g, '')}">${contact.phone}</a></li>` : nothing}
      ${contact.email ? html`<li>${t('claims.contact-email', 'Email')}: <a href="mailto:${contact.email}">${contact.email}</a></li>` : nothing}
      ${url ? html`<li><a href=${url} target="_blank" rel="noopener">${t('claims.contact-url', 'Claim online on the insurer’s site')}</a></li>` : nothing}
    </ul>
    <p class="muted">${t('claims.contact-reference', 'Have your policy reference ready.')}</p>
  </div>`;
}

function renderStart(view: ClaimsView) {
  const { t, options } = view;
  if (!options || options.contact) return nothing;
  if (!view.formOpen)
    return html`<button class="primary-button" part="claim-button" @click=${view.onOpenForm}>${t('claims.start', 'Make a claim')}</button>`;
  if (!view.formReady) return html`<p class="muted" role="status">${t('form.loading', 'Loading…')}</p>`;
  return html`<cover-claim-form
    exportparts="claim-form, field, label, input, field-error, file-input, preview, progress, submit-button, retry-button"
    .order=${view.order}
    .options=${options}
    .clientSecret=${view.clientSecret}
    @cover-claim-create=${view.onCreate}
    @cover-claim-cancel=${view.onCloseForm}
  ></cover-claim-form>`;
}

export function renderClaims(view: ClaimsView) {
  const { t, order, options } = view;
  const provider = order.offer ? providerLabel(order.offer) : (order.policy?.provider ?? '');
  return html`<section class="claims" part="claims" aria-labelledby="claims-heading">
    <h3 id="claims-heading">${t('claims.heading', 'Claims')}</h3>
    ${order.status !== 'active' ? html`<p class="muted">${t('claims.not-yet', 'You can make a claim once your cover is active.')}</p>` : nothing}
    ${options?.contact ? renderContact(options.contact, provider, t) : nothing}
    ${
      view.claims.length > 0
        ? html`<ul class="claim-list">
            ${view.claims.map(
              (claim) =>
                html`<li>
                  <cover-claim-status
                    exportparts="claim, claim-status, withdraw-button, payout, reasons"
                    .claim=${claim}
                    .clientSecret=${view.clientSecret}
                    poll-interval=${view.pollInterval}
                    @cover-claim-update=${view.onUpdate}
                  ></cover-claim-status>
                </li>`,
            )}
          </ul>`
        : options && !options.contact
          ? html`<p class="muted">${t('claims.none', 'No claims yet. If your device is damaged or stops working, make a claim here.')}</p>`
          : nothing
    }
    ${renderStart(view)}
  </section>`;
}

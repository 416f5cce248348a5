/** The review step: everything the claim will say, each part with a way back to change it. */
import { html, nothing } from 'lit';
import { claimTypeLabel } from '../cover-claim-status/claim-labels.ts';
import { requiredFiles, type ClaimStep } from './claim-draft.ts';
import type { FieldContext } from './render-claim-fields.ts';

export function renderReview(context: FieldContext, edit: (step: ClaimStep) => void) {
  const { t, draft, options } = context;
  const issue = options.issues.find((candidate) => candidate.code === draft.issue);
  const slot = options.slots.find((candidate) => candidate.code === draft.slot);
  const address = draft.address;
  const change = (step: ClaimStep, what: string) =>
    html`<button
      type="button"
      class="text-button change"
      @click=${() => edit(step)}
      aria-label=${`${t('claim.change', 'Change')}: ${what}`}
    >
      ${t('claim.change', 'Change')}
    </button>`;
  const whatLabel = t('claim.review-what', 'What happened');
  const detailsLabel = t('claim.step-details', 'Details');
  return html`<dl class="review">
    <div class="review-row">
      <dt>${whatLabel}</dt>
      <dd><span>${claimTypeLabel(draft.type, t)}${issue ? html`<br />${issue.label}` : nothing}</span>${change('what', whatLabel)}</dd>
    </div>
    <div class="review-row">
      <dt>${detailsLabel}</dt>
      <dd>
        <span>
          ${context.formatDate(draft.date)}<br />${draft.description}
          ${
            options.requires.includes('address')
              ? html`<br />${[address.line1, address.line2, address.city, address.state, address.postalCode].filter((part) => part.trim()).join(', ')}`
              : nothing
          }
        </span>
        ${change('details', detailsLabel)}
      </dd>
    </div>
    ${
      requiredFiles(options).length > 0
        ? html`<div class="review-row">
            <dt>${t('claim.step-files', 'Invoice and photo')}</dt>
            <dd>
              <span
                >${requiredFiles(options).map((field) => html`<span class="file-name">${draft.files[field]?.name ?? '—'}</span><br />`)}</span
              >
              ${change('files', t('claim.step-files', 'Invoice and photo'))}
            </dd>
          </div>`
        : nothing
    }
    ${
      slot
        ? html`<div class="review-row">
            <dt>${t('claim.step-slot', 'Visit')}</dt>
            <dd><span>${context.formatDate(slot.date)}, ${slot.from}–${slot.to}</span>${change('slot', t('claim.step-slot', 'Visit'))}</dd>
          </div>`
        : nothing
    }
  </dl>`;
}

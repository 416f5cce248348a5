/** The review step: what will be bought, for whom, before the order is created. */
import { html } from 'lit';
import type { Offer } from '../../../../contract/types.ts';
import type { LocalizeController } from '../../controllers/localize-controller.ts';
import { providerLabel } from '../../internal/format.ts';
import type { FieldDefinition } from '../../internal/order-fields.ts';
import type { FieldValues } from '../../internal/order-request.ts';

export interface ReviewState {
  offer: Offer;
  fields: readonly FieldDefinition[];
  values: FieldValues;
  localize: LocalizeController;
  pending: boolean;
  onEdit: () => void;
}

export function renderReview({ offer, fields, values, localize, pending, onEdit }: ReviewState) {
  const { t } = localize;
  const filled = fields.filter((field) => (values[field.key] ?? '').trim() !== '');
  return html`<section class="review" part="review" aria-labelledby="review-heading">
    <h3 id="review-heading" class="heading" part="review-heading" tabindex="-1">${t('review.heading', 'Check and confirm')}</h3>
    <dl>
      <dt>${t('review.plan', 'Plan')}</dt>
      <dd>${localize.planType(offer.type)} · ${offer.name}</dd>
      <dt>${t('review.term', 'Term')}</dt>
      <dd>${localize.term(offer.termMonths)} · ${providerLabel(offer)}</dd>
      <dt>${t('review.price', 'Price')}</dt>
      <dd class="price">${localize.money(offer.price)}</dd>
      ${filled.map(
        (field) =>
          html`<dt>${field.label}</dt>
            <dd>${values[field.key]}</dd>`,
      )}
    </dl>
    <p class="intro">${t('review.next', 'Next, pay for the plan with your order. Your policy is issued once payment goes through.')}</p>
    <div class="actions">
      <button type="button" class="secondary-button" part="edit-button" @click=${onEdit} ?disabled=${pending}>
        ${t('review.edit', 'Edit details')}
      </button>
      <button type="submit" class="primary-button" part="confirm-button submit-button" ?disabled=${pending}>
        ${pending ? t('review.adding', 'Adding plan…') : t('review.confirm', 'Confirm and add plan')}
      </button>
    </div>
  </section>`;
}

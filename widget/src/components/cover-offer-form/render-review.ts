/**
 * The review step: what will be bought, from whom, on what terms, and for whom, with the
 * shopper's agreement to the terms before the order is created.
 */
import { html, nothing } from 'lit';
import type { Offer } from '../../../../contract/types.ts';
import type { LocalizeController } from '../../controllers/localize-controller.ts';
import { providerLabel, safeUrl } from '../../internal/format.ts';
import { str } from '../../internal/localize.ts';
import type { FieldDefinition } from '../../internal/order-fields.ts';
import { toE164 } from '../../internal/order-request.ts';
import type { FieldValues } from '../../internal/order-request.ts';

export interface ReviewState {
  offer: Offer;
  fields: readonly FieldDefinition[];
  values: FieldValues;
  localize: LocalizeController;
  pending: boolean;
  /** The page's country, for a phone number typed without its country code. */
  country: string;
  consented: boolean;
  /** "Please agree…" after a confirm without the box ticked. */
  consentError: string;
  onConsent: (consented: boolean) => void;
  onEdit: () => void;
}

/** What the shopper sees of a value: a select's label ("India"), not its code; the phone number as it will be sent. */
function shown(field: FieldDefinition, values: FieldValues, country: string) {
  const value = values[field.key] ?? '';
  if (field.key === 'customer.phone') return toE164(value, values['customer.address.country'] || country);
  return field.options?.find((option) => option.value === value)?.label ?? value;
}

function renderTerms({ offer, localize, consented, consentError, onConsent }: ReviewState) {
  const { t } = localize;
  const url = safeUrl(offer.terms?.url ?? offer.termsUrl);
  const underwriter = offer.terms?.underwriter ?? providerLabel(offer);
  const link = url
    ? html`<a part="terms-link" href=${url} target="_blank" rel="noopener noreferrer"
        >${t('review.terms-link', 'plan terms')}<span class="visually-hidden"> ${t('review.new-tab', '(opens in a new tab)')}</span></a
      >`
    : t('review.terms-plain', 'plan terms');
  return html`<div class="terms" part="review-terms">
    <p>
      ${
        offer.terms
          ? t(
              'review.free-look',
              str`You can cancel within ${offer.terms.freeLookDays} days of buying for a full refund, unless you have made a claim.`,
            )
          : nothing
      }
      ${t('review.claims', 'To claim, go to your order in this shop with your policy number; the insurer explains the next steps.')}
    </p>
    <label class="consent" part="consent">
      <input
        type="checkbox"
        name="consent"
        required
        .checked=${consented}
        aria-invalid=${consentError ? 'true' : 'false'}
        aria-describedby=${consentError ? 'consent-error' : nothing}
        @change=${(event: Event) => onConsent((event.target as HTMLInputElement).checked)}
      />
      <span
        >${t('review.consent', 'I have read and agree to the')}
        ${link}${t('review.consent-underwriter', str`, underwritten by ${underwriter}.`)}</span
      >
    </label>
    <p id="consent-error" class="error" part="field-error" ?hidden=${!consentError}>${consentError}</p>
  </div>`;
}

export function renderReview(state: ReviewState) {
  const { offer, fields, values, localize, pending, onEdit } = state;
  const { t } = localize;
  const filled = fields.filter((field) => (values[field.key] ?? '').trim() !== '');
  return html`<section class="review" part="review" aria-labelledby="review-heading">
    <h3 id="review-heading" class="heading" part="review-heading" tabindex="-1">${t('review.heading', 'Check and confirm')}</h3>
    <dl>
      <dt>${t('review.plan', 'Plan')}</dt>
      <dd>${localize.planType(offer.type)} · ${localize.term(offer.termMonths)} · ${providerLabel(offer)}</dd>
      <dt>${t('review.underwriter', 'Underwritten by')}</dt>
      <dd>${offer.terms?.underwriter ?? providerLabel(offer)}</dd>
      <dt>${t('review.price', 'Price')}</dt>
      <dd class="price">${localize.money(offer.price)}</dd>
      ${filled.map(
        (field) =>
          html`<dt>${field.label}</dt>
            <dd>${shown(field, values, state.country)}</dd>`,
      )}
    </dl>
    ${renderTerms(state)}
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

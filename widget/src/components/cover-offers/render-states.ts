/** The moments of `<cover-offers>` that are not about offers: loading, failure, nothing, declined. */
import { html } from 'lit';
import { str } from '../../internal/localize.ts';
import type { Translate } from '../../internal/localize.ts';
import type { Unavailable } from '../../../../contract/types.ts';

/** As many placeholders as offers are likely, so the page does not jump when they arrive. */
export function renderSkeleton() {
  return html`<div class="skeleton" part="skeleton">
    <div class="skeleton-offer"></div>
    <div class="skeleton-offer"></div>
    <div class="skeleton-offer"></div>
  </div>`;
}

export function renderLoadError(message: string, onRetry: () => void, t: Translate) {
  return html`<div class="error" part="error" role="alert">
    <p class="message">${message}</p>
    <button class="secondary-button" part="retry-button" @click=${onRetry}>${t('offers.retry', 'Try again')}</button>
  </div>`;
}

/** Codes that mean the insurer could not be asked, not that it has nothing for this device. */
const outageCodes = ['provider_error', 'provider_timeout', 'provider_unavailable', 'provider_busy'];

/** No offers, and every insurer that said nothing was out: the device is not to blame, and trying again may work. */
export const insurersUnreachable = (unavailable: readonly Unavailable[]) =>
  unavailable.length > 0 && unavailable.every((entry) => outageCodes.includes(entry.code));

export function renderOutage(onRetry: () => void, t: Translate) {
  return renderLoadError(t('offers.outage', "We can't reach the insurers right now. Please try again in a minute."), onRetry, t);
}

export function renderEmpty(t: Translate) {
  return html`<p class="message" part="empty">${t('offers.empty', 'No protection plans are available for this device')}</p>`;
}

/** Providers that already cover this device say so (`already_covered`): the shopper learns why a plan is missing. */
export function renderCoveredNotes(unavailable: readonly Unavailable[]) {
  return unavailable
    .filter((entry) => entry.code === 'already_covered')
    .map((entry) => html`<p class="message" part="covered-note">${entry.message}</p>`);
}

export function renderDeclined(onShowAgain: () => void, t: Translate) {
  return html`<p class="message">${t('offers.declined', 'No protection plan added.')}</p>
    <button class="text-button decline" part="show-again-button" @click=${onShowAgain}>
      ${t('offers.show-again', 'Show plans again')}
    </button>`;
}

/** Announced to screen readers when offers arrive. */
export function plansAvailable(count: number, t: Translate): string {
  return count === 1 ? t('offers.count-one', '1 plan available') : t('offers.count', str`${count} plans available`);
}

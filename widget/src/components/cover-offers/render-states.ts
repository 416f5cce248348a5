/** The moments of `<cover-offers>` that are not about offers: loading, failure, nothing, declined. */
import { html } from 'lit';

export function renderSkeleton() {
  return html`<div class="skeleton" part="skeleton" role="status">
    <span class="visually-hidden">Loading protection plans…</span>
    <div class="skeleton-offer"></div>
    <div class="skeleton-offer"></div>
    <div class="skeleton-offer"></div>
  </div>`;
}

export function renderLoadError(message: string, onRetry: () => void) {
  return html`<div class="error" part="error" role="alert">
    <p class="message">${message}</p>
    <button class="secondary-button" part="retry-button" @click=${onRetry}>Try again</button>
  </div>`;
}

export function renderEmpty() {
  return html`<p class="message" part="empty">No protection plans are available for this device</p>`;
}

export function renderDeclined(onShowAgain: () => void) {
  return html`<p class="message">No protection plan added.</p>
    <button class="text-button decline" @click=${onShowAgain}>Show plans again</button>`;
}

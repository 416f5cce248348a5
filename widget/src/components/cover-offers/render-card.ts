/** The frame of `<cover-offers>`: the card with its heading, and the modal layout's launcher and dialog around it. */
import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { str } from '../../internal/localize.ts';
import type { Translate } from '../../internal/localize.ts';

export interface CardView {
  /** The device model, once known, for the heading. */
  model: string;
  /** Shrink to the content instead of reserving room for offers. */
  fit: boolean;
  busy: boolean;
  modal: boolean;
  announcement: string;
  t: Translate;
  picker: TemplateResult | typeof nothing;
  body: unknown;
  onClose: () => void;
}

export function renderCard({ model, fit, busy, modal, announcement, t, picker, body, onClose }: CardView) {
  return html`<section class="base ${fit ? 'fit' : ''}" part="base" aria-labelledby="heading" aria-busy=${busy ? 'true' : 'false'}>
    <div class="header">
      <h2 id="heading" class="heading" part="heading" tabindex="-1">
        ${model ? t('offers.heading', str`Protect your ${model}`) : t('offers.heading-device', 'Protect your device')}
      </h2>
      ${
        modal
          ? html`<button class="text-button close" part="close-button" @click=${onClose}>${t('offers.close', 'Close')}</button>`
          : nothing
      }
    </div>
    ${picker} ${body}
    <p class="visually-hidden" role="status" aria-live="polite">${announcement}</p>
  </section>`;
}

export interface LauncherView {
  /** The cheapest offer's price, formatted; empty until offers arrive. */
  from: string;
  t: Translate;
  card: TemplateResult;
  onOpen: () => void;
}

export function renderLauncher({ from, t, card, onOpen }: LauncherView) {
  const label = from ? t('offers.launcher-from', str`Protect your device · from ${from}`) : t('offers.launcher', 'Protect your device');
  return html`<button class="secondary-button launcher" part="launcher" aria-haspopup="dialog" @click=${onOpen}>${label}</button>
    <dialog part="dialog" aria-labelledby="heading">${card}</dialog>`;
}

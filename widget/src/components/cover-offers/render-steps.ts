/**
 * The elements `<cover-offers>` hands a step to: the pickers, the details form and the
 * order summary. Each re-exports its parts so a merchant styles them through
 * `cover-offers::part(…)`; the api client, locale and strings reach them through context.
 */
import { html, nothing } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Offer, Order } from '../../../../contract/types.ts';
import type { CoverDeviceChangeEvent } from '../../events/cover-device-change-event.ts';
import type { CoverOrderCreateEvent } from '../../events/cover-order-create-event.ts';
import type { Translate } from '../../internal/localize.ts';
import { renderSkeleton } from './render-states.ts';

const formParts =
  'form, field, label, input, select, hint, field-error, form-error, submit-button, review, review-heading, review-terms, consent, terms-link, edit-button, confirm-button';
const pickerParts = 'picker, label, select, input, picker-error, retry-button';
const summaryParts =
  'summary, summary-title, policy-reference, certificate-button, activation, activation-code, record-button, stop-button, file-input, upload-button, progress';

const loading = (t: Translate, part: string) => html`<p class="message" part=${part}>${t('form.loading', 'Loading…')}</p>`;

export interface PickerView {
  ready: boolean;
  category: string;
  providers: string;
  brand: string;
  model: string;
  t: Translate;
  onChange: (event: CoverDeviceChangeEvent) => void;
}

export function renderPicker({ ready, category, providers, brand, model, t, onChange }: PickerView) {
  if (!ready) return loading(t, 'picker');
  return html`<cover-device-picker
    exportparts=${pickerParts}
    category=${category}
    providers=${providers}
    brand=${brand}
    model=${model}
    @cover-device-change=${onChange}
  ></cover-device-picker>`;
}

export interface FormView {
  ready: boolean;
  offer: Offer;
  country: string;
  brand: string;
  model: string;
  imei: string;
  brandWarrantyYears: string;
  t: Translate;
  onCreate: (event: CoverOrderCreateEvent) => void;
}

export function renderForm({ ready, offer, country, brand, model, imei, brandWarrantyYears, t, onCreate }: FormView) {
  if (!ready) return loading(t, 'form-loading');
  return html`<cover-offer-form
    exportparts=${formParts}
    .offer=${offer}
    country=${country}
    brand=${brand}
    model=${model}
    imei=${imei}
    brand-warranty-years=${ifDefined(brandWarrantyYears || undefined)}
    @cover-order-create=${onCreate}
  ></cover-offer-form>`;
}

export interface SummaryView {
  ready: boolean;
  order: Order | undefined;
  confirmed: boolean;
  pollInterval: number;
}

export function renderSummary({ ready, order, confirmed, pollInterval }: SummaryView) {
  if (!ready) return renderSkeleton();
  if (!order) return nothing;
  return html`<cover-order-summary
    exportparts=${summaryParts}
    tabindex="-1"
    .order=${order}
    ?confirmed=${confirmed}
    poll-interval=${pollInterval}
  ></cover-order-summary>`;
}

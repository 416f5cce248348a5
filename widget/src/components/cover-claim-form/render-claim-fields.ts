/** The inputs of the claim steps: a label, the control, its error tied to it for screen readers. */
import { html, nothing } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { ClaimOptions } from '../../api/claim-types.ts';
import type { Translate } from '../../internal/localize.ts';
import { claimTypeLabel } from '../cover-claim-status/claim-labels.ts';
import type { ClaimDraft, FileField } from './claim-draft.ts';
import { today } from './claim-draft.ts';

export interface FieldContext {
  draft: ClaimDraft;
  options: ClaimOptions;
  errors: Record<string, string>;
  previews: Partial<Record<FileField, string>>;
  t: Translate;
  formatDate: (date: string) => string;
  onInput: (id: string, value: string) => void;
  onFile: (field: FileField, file: File | undefined) => void;
}

export function fieldError(id: string, context: FieldContext) {
  const message = context.errors[id];
  return html`<p class="field-error" part="field-error" id="${id}-error">${message ?? ''}</p>`;
}

const described = (id: string, context: FieldContext) => (context.errors[id] ? `${id}-error` : undefined);

export function textField(
  id: string,
  label: string,
  value: string,
  context: FieldContext,
  {
    autocomplete,
    type = 'text',
    multiline = false,
    required = true,
  }: { autocomplete?: string; type?: string; multiline?: boolean; required?: boolean } = {},
) {
  const input = (event: Event) => context.onInput(id, (event.target as HTMLInputElement).value);
  return html`<div class="field" part="field">
    <label for=${id} part="label">${label}</label>
    ${
      multiline
        ? html`<textarea
            id=${id}
            part="input"
            rows="4"
            .value=${value}
            ?required=${required}
            aria-invalid=${context.errors[id] ? 'true' : 'false'}
            aria-describedby=${ifDefined(described(id, context))}
            @input=${input}
          ></textarea>`
        : html`<input
            id=${id}
            part="input"
            type=${type}
            .value=${value}
            ?required=${required}
            max=${ifDefined(type === 'date' ? today() : undefined)}
            autocomplete=${ifDefined(autocomplete)}
            aria-invalid=${context.errors[id] ? 'true' : 'false'}
            aria-describedby=${ifDefined(described(id, context))}
            @input=${input}
            @change=${input}
          />`
    }
    ${fieldError(id, context)}
  </div>`;
}

export function renderWhat(context: FieldContext) {
  const { t, options, draft } = context;
  return html`<fieldset class="choices" aria-describedby=${ifDefined(described('type', context))}>
      <legend>${t('claim.what-legend', 'What happened to your device?')}</legend>
      ${options.types.map(
        (type) =>
          html`<label class="choice">
            <input type="radio" name="type" value=${type} .checked=${draft.type === type} @change=${() => context.onInput('type', type)} />
            <span>${claimTypeLabel(type, t)}</span>
          </label>`,
      )}
      ${fieldError('type', context)}
    </fieldset>
    ${
      options.issues.length > 0
        ? html`<div class="field" part="field">
            <label for="issue" part="label">${t('claim.issue', 'What is the problem?')}</label>
            <select
              id="issue"
              part="input"
              required
              aria-invalid=${context.errors['issue'] ? 'true' : 'false'}
              aria-describedby=${ifDefined(described('issue', context))}
              @change=${(event: Event) => context.onInput('issue', (event.target as HTMLSelectElement).value)}
            >
              <option value="" ?selected=${!draft.issue}>${t('claim.issue-choose', 'Choose the problem')}</option>
              ${options.issues.map((issue) => html`<option value=${issue.code} ?selected=${draft.issue === issue.code}>${issue.category ? `${issue.category}: ` : ''}${issue.label}</option>`)}
            </select>
            ${fieldError('issue', context)}
          </div>`
        : nothing
    }`;
}

export function renderDetails(context: FieldContext) {
  const { t, draft, options } = context;
  const address = draft.address;
  return html`${textField('date', t('claim.date', 'When did it happen?'), draft.date, context, { type: 'date' })}
  ${textField('description', t('claim.description', 'Describe what happened'), draft.description, context, { multiline: true })}
  ${
    options.requires.includes('address')
      ? html`<fieldset class="address">
          <legend>${t('claim.address', 'Where should the technician come, or the device be picked up?')}</legend>
          ${textField('line1', t('field.line1', 'Address'), address.line1, context, { autocomplete: 'address-line1' })}
          ${textField('line2', t('field.line2', 'Apartment, floor, landmark'), address.line2, context, { autocomplete: 'address-line2', required: false })}
          ${textField('city', t('field.city', 'City'), address.city, context, { autocomplete: 'address-level2' })}
          ${textField('state', t('field.state', 'State'), address.state, context, { autocomplete: 'address-level1' })}
          ${textField('postalCode', t('field.postalCode', 'Postal code'), address.postalCode, context, { autocomplete: 'postal-code' })}
        </fieldset>`
      : nothing
  }`;
}

export function renderFile(field: FileField, context: FieldContext) {
  const { t, draft, previews } = context;
  const file = draft.files[field];
  const label = field === 'invoice' ? t('claim.invoice', 'Purchase invoice') : t('claim.photo', 'Photo of the damage');
  const button = field === 'invoice' ? t('claim.invoice-choose', 'Add the invoice') : t('claim.photo-choose', 'Take or choose a photo');
  return html`<div class="file-field" part="field">
    <p class="file-label" id="${field}-label">${label}</p>
    <p class="hint" id="${field}-hint">${t('claim.file-hint', 'JPEG, PNG or WEBP, up to 10 MB.')}</p>
    <input
      id=${field}
      class="visually-hidden"
      part="file-input"
      type="file"
      accept="image/jpeg,image/png,image/webp"
      capture=${ifDefined(field === 'photo' ? 'environment' : undefined)}
      aria-labelledby="${field}-label ${field}-button"
      aria-describedby="${field}-hint${context.errors[field] ? ` ${field}-error` : ''}"
      aria-invalid=${context.errors[field] ? 'true' : 'false'}
      @change=${(event: Event) => context.onFile(field, (event.target as HTMLInputElement).files?.[0])}
    />
    <label for=${field} id="${field}-button" class="file-button ${file ? 'secondary' : ''}"
      >${file ? t('claim.file-change', 'Choose another') : button}</label
    >
    ${
      file
        ? html`<div class="chosen">
            ${
              previews[field]
                ? html`<img
                    part="preview"
                    src=${previews[field]!}
                    alt=${t('claim.preview', 'Preview of the chosen picture')}
                    @error=${(event: Event) => ((event.target as HTMLElement).hidden = true)}
                  />`
                : nothing
            }
            <span class="file-name">${file.name} · ${fileSize(file.size)}</span>
          </div>`
        : nothing
    }
    ${fieldError(field, context)}
  </div>`;
}

export function renderSlots(context: FieldContext) {
  const { t, options, draft } = context;
  return html`<fieldset class="choices" aria-describedby=${ifDefined(described('slot', context))}>
    <legend>${t('claim.slot-legend', 'Choose a time for the visit')}</legend>
    ${options.slots.map(
      (slot) =>
        html`<label class="choice">
          <input
            type="radio"
            name="slot"
            value=${slot.code}
            .checked=${draft.slot === slot.code}
            @change=${() => context.onInput('slot', slot.code)}
          />
          <span
            >${context.formatDate(slot.date)},
            ${slot.from}–${slot.to}${slot.kind ? html` <span class="muted">(${slotKind(slot.kind, t)})</span>` : nothing}</span
          >
        </label>`,
    )}
    ${fieldError('slot', context)}
  </fieldset>`;
}

function slotKind(kind: string, t: Translate): string {
  if (kind === 'carry_in') return t('claim.slot-carry-in', 'bring it to the service centre');
  if (kind === 'pickup') return t('claim.slot-pickup', 'pickup from your address');
  if (kind === 'visit' || kind === 'onsite') return t('claim.slot-visit', 'technician visit');
  return kind.replace(/_/g, ' ');
}

/** "2.4 MB", or "36 KB" below a megabyte (units are the same in every language we ship). */
function fileSize(bytes: number): string {
  return bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

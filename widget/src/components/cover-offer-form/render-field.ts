/** One labelled input with its hint and error, wired for assistive technology. */
import { html, nothing } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import type { FieldDefinition, FieldKey } from '../../internal/order-fields.ts';
import type { Translate } from '../../internal/localize.ts';
import { localizeFieldError } from '../../internal/validation-messages.ts';

export interface FieldState {
  value: string;
  /** The message to show now; empty when the field is fine or not yet visited. */
  error: string;
  t: Translate;
  onInput: (key: FieldKey, value: string) => void;
  onBlur: (key: FieldKey) => void;
}

/** Ids only need to be unique inside the form's shadow root. */
export function inputId(key: FieldKey): string {
  return `field-${key.replaceAll('.', '-')}`;
}

export function renderField(field: FieldDefinition, state: FieldState) {
  const id = inputId(field.key);
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [field.hint ? hintId : '', state.error ? errorId : ''].filter(Boolean).join(' ');
  const isNumber = field.type === 'number';
  const message = state.error ? localizeFieldError(state.error, state.t) : '';
  // The hint sits before the input so the shopper reads it before typing.
  return html`
    <div class="field ${field.key.endsWith('line1') || field.key.endsWith('line2') ? 'wide' : ''}" part="field">
      <label for=${id} part="label">
        ${field.label}${field.optional ? html` <span class="optional">${state.t('field.optional', '(optional)')}</span>` : nothing}
      </label>
      ${field.hint ? html`<p id=${hintId} class="hint" part="hint">${field.hint}</p>` : nothing}
      ${
        field.type === 'select'
          ? html`<select
              id=${id}
              part="input select"
              name=${field.key}
              autocomplete=${field.autocomplete}
              ?required=${!field.optional}
              aria-invalid=${state.error ? 'true' : 'false'}
              aria-describedby=${ifDefined(describedBy || undefined)}
              .value=${live(state.value)}
              @change=${(event: Event) => state.onInput(field.key, (event.target as HTMLSelectElement).value)}
              @blur=${() => state.onBlur(field.key)}
            >
              <option value="" ?selected=${!state.value}>${state.t('field.choose', 'Choose…')}</option>
              ${field.options?.map(
                (option) => html`<option value=${option.value} ?selected=${option.value === state.value}>${option.label}</option>`,
              )}
            </select>`
          : html`<input
              id=${id}
              part="input"
              name=${field.key}
              type=${field.type}
              autocomplete=${field.autocomplete}
              inputmode=${field.inputMode}
              spellcheck="false"
              maxlength=${ifDefined(field.maxLength)}
              min=${ifDefined(isNumber ? 0 : undefined)}
              max=${ifDefined(isNumber ? 5 : undefined)}
              step=${ifDefined(isNumber ? 1 : undefined)}
              ?required=${!field.optional}
              aria-invalid=${state.error ? 'true' : 'false'}
              aria-describedby=${ifDefined(describedBy || undefined)}
              .value=${live(state.value)}
              @input=${(event: InputEvent) => state.onInput(field.key, (event.target as HTMLInputElement).value)}
              @blur=${() => state.onBlur(field.key)}
            />`
      }
      <p id=${errorId} class="error" part="field-error" ?hidden=${!state.error}>${message}</p>
    </div>
  `;
}

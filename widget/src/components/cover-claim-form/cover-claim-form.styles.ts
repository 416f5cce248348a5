import { css } from 'lit';
import { sharedStyles } from '../../internal/shared-styles.ts';

export const styles = [
  sharedStyles,
  css`
    :host {
      display: block;
      container-type: inline-size;
    }

    .claim-form {
      display: grid;
      grid-template-columns: minmax(0, 1fr);
      gap: 0.875rem;
      padding: var(--_space);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      background: var(--_surface);
    }

    p,
    h4 {
      margin: 0;
    }

    .step-count,
    .muted,
    .hint {
      color: var(--_muted);
      font-size: 0.9375em;
    }

    .step-heading {
      font-size: 1.125em;
    }

    .step-heading:focus {
      outline: none;
    }

    fieldset {
      margin: 0;
      padding: 0;
      border: none;
      min-width: 0;
    }

    .step {
      display: grid;
      gap: 0.875rem;
    }

    legend {
      padding: 0;
      margin-bottom: 0.5rem;
      font-weight: 600;
    }

    .field,
    .file-field {
      display: grid;
      gap: 0.25rem;
      min-width: 0;
    }

    .address {
      display: grid;
      gap: 0.75rem;
    }

    label,
    .file-label {
      font-weight: 600;
    }

    input:not([type='radio']):not([type='file']),
    textarea,
    select {
      font: inherit;
      width: 100%;
      min-height: 2.75rem;
      padding: 0.5rem 0.75rem;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      background: var(--_surface);
      color: var(--_text);
    }

    [aria-invalid='true'] {
      border-color: var(--_danger);
    }

    .choices {
      display: grid;
      gap: 0.5rem;
    }

    .choice {
      display: flex;
      align-items: center;
      gap: 0.75rem;
      min-height: 2.75rem;
      padding: 0.5rem 0.75rem;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      font-weight: 400;
      cursor: pointer;
    }

    .choice:has(input:checked) {
      border-color: var(--_accent);
      background: color-mix(in srgb, var(--_accent) 8%, var(--_surface));
    }

    .choice input {
      width: 1.25rem;
      height: 1.25rem;
      accent-color: var(--_accent);
      flex: none;
    }

    .file-button {
      justify-self: start;
      display: inline-flex;
      align-items: center;
      min-height: 3rem;
      padding: 0.625rem 1.25rem;
      border: 2px solid var(--_accent);
      border-radius: var(--_radius);
      background: var(--_accent);
      color: var(--_accent-contrast);
      cursor: pointer;
    }

    .file-button.secondary {
      background: transparent;
      color: var(--_accent);
    }

    input[type='file']:focus-visible + .file-button {
      outline: 3px solid var(--cover-focus-ring, color-mix(in srgb, var(--_accent) 45%, transparent));
      outline-offset: 2px;
    }

    .chosen {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5rem 0.75rem;
    }

    [part~='preview'] {
      width: 6rem;
      height: 6rem;
      object-fit: cover;
      border-radius: var(--_radius);
      border: 1px solid var(--_border);
    }

    .file-name {
      min-width: 0;
      overflow-wrap: anywhere;
      color: var(--_muted);
    }

    .field-error {
      color: var(--_danger);
      font-size: 0.9375em;
    }

    .field-error:empty {
      display: none;
    }

    .review {
      display: grid;
      gap: 0.5rem;
      margin: 0;
    }

    .review-row {
      display: grid;
      gap: 0.125rem;
      padding-bottom: 0.5rem;
      border-bottom: 1px solid var(--_border);
    }

    .review-row dt {
      color: var(--_muted);
    }

    .review-row dd {
      display: flex;
      align-items: center;
      justify-content: space-between;
      gap: 1rem;
      margin: 0;
    }

    .review-row dd > span {
      min-width: 0;
      overflow-wrap: anywhere;
    }

    .change {
      flex: none;
    }

    progress {
      width: 100%;
      height: 0.75rem;
      accent-color: var(--_accent);
    }

    .upload,
    .failure {
      display: grid;
      gap: 0.5rem;
      justify-items: start;
    }

    .upload {
      justify-items: stretch;
    }

    .failure > p:first-child {
      color: var(--_danger);
    }

    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem 0.75rem;
      align-items: center;
    }

    @container (max-width: 30rem) {
      .actions .primary-button,
      .actions .secondary-button,
      .file-button {
        width: 100%;
        justify-content: center;
      }
    }
  `,
];

import { css } from 'lit';
import { sharedStyles } from '../../internal/shared-styles.ts';

export const styles = [
  sharedStyles,
  css`
    :host {
      display: block;
    }

    form {
      display: grid;
      gap: var(--_space);
    }

    .review {
      display: grid;
      gap: var(--_space);
      container-type: inline-size;
    }

    /* Narrow: each label sits over its value, so a long value has the full width. */
    .review dl {
      display: grid;
      grid-template-columns: minmax(0, 1fr);
      margin: 0;
    }

    .review dt {
      color: var(--_muted);
      font-size: 0.875em;
    }

    .review dd {
      margin: 0 0 0.625rem;
      min-width: 0;
    }

    .review dt,
    .review dd {
      overflow-wrap: anywhere;
    }

    /* Where there is room: labels in a column of their own, at most a third of the width. */
    @container (min-width: 30rem) {
      .review dl {
        grid-template-columns: fit-content(33%) minmax(0, 1fr);
        gap: 0.375rem 1rem;
      }

      .review dt {
        font-size: inherit;
      }

      .review dd {
        margin: 0;
      }
    }

    .review .price {
      font-weight: 700;
    }

    .heading:focus {
      outline: none;
    }

    .heading:focus-visible {
      outline: 3px solid var(--cover-focus-ring, color-mix(in srgb, var(--_accent) 45%, transparent));
    }

    .heading {
      margin: 0;
      font-size: 1.0625em;
    }

    .intro {
      margin: -0.5rem 0 0;
      color: var(--_muted);
      font-size: 0.9375em;
    }

    fieldset {
      margin: 0;
      padding: 0;
      border: none;
      min-width: 0;
    }

    legend {
      padding: 0;
      margin-bottom: 0.5rem;
      font-weight: 600;
    }

    /* Two columns where there is room; city, state and code sit side by side. */
    .fields {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(min(100%, 14rem), 1fr));
      gap: 0.875rem 1rem;
    }

    .field {
      display: grid;
      gap: 0.25rem;
      align-content: start;
    }

    .field.wide {
      grid-column: 1 / -1;
    }

    label {
      font-weight: 500;
      font-size: 0.9375em;
    }

    .optional,
    .hint {
      color: var(--_muted);
      font-weight: 400;
    }

    .hint,
    .error {
      margin: 0;
      font-size: 0.8125em;
    }

    .error {
      color: var(--_danger);
    }

    input,
    select {
      font: inherit;
      color: inherit;
      width: 100%;
      min-height: 2.75rem;
      padding: 0.5rem 0.75rem;
      border: 1px solid var(--cover-input-border-color, var(--_border));
      border-radius: calc(var(--_radius) * 0.8);
      background: var(--_surface);
    }

    input:focus-visible,
    select:focus-visible {
      outline-offset: 0;
      border-color: var(--_accent);
    }

    input[aria-invalid='true'],
    select[aria-invalid='true'] {
      border-color: var(--_danger);
    }

    /* The review's terms: free look, how to claim, and the agreement (a big tick target). */
    .terms {
      display: grid;
      gap: 0.625rem;
      padding: 0.75rem 1rem;
      border-radius: var(--_radius);
      background: color-mix(in srgb, var(--_accent) 6%, var(--_surface));
    }

    .terms p {
      margin: 0;
    }

    .consent {
      display: grid;
      grid-template-columns: auto minmax(0, 1fr);
      gap: 0.625rem;
      align-items: start;
      cursor: pointer;
    }

    .consent input {
      width: 1.375rem;
      height: 1.375rem;
      min-height: 0;
      margin: 0.0625rem 0 0;
      padding: 0;
      accent-color: var(--_accent);
    }

    .terms a {
      color: var(--_accent);
      text-underline-offset: 0.2em;
    }

    .form-error {
      margin: 0;
      padding: 0.75rem 1rem;
      border-radius: var(--_radius);
      background: color-mix(in srgb, var(--_danger) 8%, var(--_surface));
      color: var(--_danger);
    }

    .form-error:empty {
      display: none;
    }

    .actions {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.75rem;
    }

    @media (max-width: 30rem) {
      .actions button {
        width: 100%;
      }
    }
  `,
];

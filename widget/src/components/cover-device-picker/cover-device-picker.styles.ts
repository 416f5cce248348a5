import { css } from 'lit';
import { sharedStyles } from '../../internal/shared-styles.ts';

export const styles = [
  sharedStyles,
  css`
    :host {
      display: block;
    }

    /* Side by side where there is room, stacked on a phone. */
    .pickers {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(min(100%, 12rem), 1fr));
      gap: 0.75rem 1rem;
    }

    .field {
      display: grid;
      gap: 0.25rem;
      align-content: start;
      min-width: 0;
    }

    label {
      font-weight: 500;
      font-size: 0.9375em;
    }

    select,
    input {
      font: inherit;
      color: var(--_text);
      width: 100%;
      min-height: 2.75rem;
      padding: 0.5rem 0.75rem;
      border: 1px solid var(--_border);
      border-radius: calc(var(--_radius) * 0.8);
      background-color: var(--_surface);
    }

    select:disabled {
      color: var(--_muted);
      cursor: not-allowed;
    }

    select:focus-visible,
    input:focus-visible {
      outline-offset: 0;
      border-color: var(--_accent);
    }

    .message {
      margin: 0;
      color: var(--_muted);
    }

    .error {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5rem 1rem;
    }

    .error .message {
      color: var(--_danger);
    }
  `,
];

import { css } from 'lit';
import { sharedStyles } from '../../internal/shared-styles.ts';

export const styles = [
  sharedStyles,
  css`
    :host {
      display: block;
    }

    .policy {
      display: grid;
      grid-template-columns: minmax(0, 1fr);
      gap: var(--_space);
    }

    .claims {
      display: grid;
      grid-template-columns: minmax(0, 1fr);
      justify-items: start;
      gap: 0.75rem;
      padding: var(--_space);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      background: var(--_surface);
    }

    .claims > * {
      max-width: 100%;
    }

    h3,
    p {
      margin: 0;
    }

    h3 {
      font-size: 1.0625em;
    }

    .muted {
      color: var(--_muted);
    }

    .claim-list {
      justify-self: stretch;
      display: grid;
      gap: 0.75rem;
      margin: 0;
      padding: 0;
      list-style: none;
    }

    cover-claim-form {
      justify-self: stretch;
    }

    .contact {
      justify-self: stretch;
      display: grid;
      gap: 0.5rem;
      padding: 0.875rem 1rem;
      border-inline-start: 4px solid var(--_accent);
      border-radius: var(--_radius);
      background: color-mix(in srgb, var(--_accent) 8%, var(--_surface));
    }

    .contact ul {
      margin: 0;
      padding-inline-start: 1.25rem;
    }

    .contact a {
      color: var(--_accent);
      overflow-wrap: anywhere;
    }

    .error-box {
      display: grid;
      justify-items: start;
      gap: 0.5rem;
      color: var(--_danger);
    }

    @media (max-width: 30rem) {
      [part~='claim-button'] {
        width: 100%;
      }
    }
  `,
];

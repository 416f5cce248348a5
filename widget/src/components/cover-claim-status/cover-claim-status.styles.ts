import { css } from 'lit';
import { sharedStyles } from '../../internal/shared-styles.ts';

export const styles = [
  sharedStyles,
  css`
    :host {
      display: block;
    }

    .claim {
      display: grid;
      grid-template-columns: minmax(0, 1fr);
      justify-items: start;
      gap: 0.5rem;
      padding: 0.875rem 1rem;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
    }

    .claim > * {
      max-width: 100%;
    }

    p {
      margin: 0;
    }

    .status-line {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5rem;
      font-weight: 600;
    }

    .badge {
      padding: 0.125rem 0.625rem;
      border-radius: 999px;
      background: color-mix(in srgb, var(--_accent) 12%, var(--_surface));
      color: var(--_text);
      font-size: 0.875em;
    }

    .badge.status-approved,
    .badge.status-closed {
      background: color-mix(in srgb, var(--_success) 16%, var(--_surface));
    }

    .badge.status-rejected {
      background: color-mix(in srgb, var(--_danger) 14%, var(--_surface));
    }

    dl {
      display: grid;
      grid-template-columns: max-content minmax(0, 1fr);
      gap: 0.25rem 1rem;
      margin: 0;
      font-size: 0.9375em;
    }

    dt,
    .muted {
      color: var(--_muted);
    }

    dd {
      margin: 0;
      overflow-wrap: anywhere;
    }

    .reference {
      font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
      word-break: break-all;
    }

    .decision {
      justify-self: stretch;
      display: grid;
      gap: 0.25rem;
      padding: 0.75rem 1rem;
      border-radius: var(--_radius);
      border-inline-start: 4px solid var(--_success);
      background: color-mix(in srgb, var(--_success) 8%, var(--_surface));
    }

    .decision.rejected {
      border-inline-start-color: var(--_danger);
      background: color-mix(in srgb, var(--_danger) 6%, var(--_surface));
    }

    .decision ul {
      margin: 0;
      padding-inline-start: 1.25rem;
    }

    .decision-heading {
      font-weight: 700;
    }

    .confirm {
      display: grid;
      gap: 0.5rem;
    }

    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
    }

    .error {
      color: var(--_danger);
    }

    .error:empty {
      display: none;
    }

    @media (max-width: 30rem) {
      dl {
        grid-template-columns: minmax(0, 1fr);
      }

      dd {
        margin-bottom: 0.25rem;
      }
    }
  `,
];

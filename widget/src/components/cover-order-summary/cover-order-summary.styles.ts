import { css } from 'lit';
import { sharedStyles } from '../../internal/shared-styles.ts';

export const styles = [
  sharedStyles,
  css`
    :host {
      display: block;
    }

    .summary > * {
      min-width: 0;
    }

    .summary {
      display: grid;
      grid-template-columns: minmax(0, 1fr);
      gap: 0.5rem;
      padding: var(--_space);
      border-radius: var(--_radius);
      border: 1px solid color-mix(in srgb, var(--_success) 35%, var(--_border));
      background: color-mix(in srgb, var(--_success) 6%, var(--_surface));
    }

    .summary.problem {
      border-color: color-mix(in srgb, var(--_danger) 35%, var(--_border));
      background: color-mix(in srgb, var(--_danger) 6%, var(--_surface));
    }

    .title:focus {
      outline: none;
    }

    .title:focus-visible {
      outline: 3px solid var(--cover-focus-ring, color-mix(in srgb, var(--_accent) 45%, transparent));
    }

    .certificate {
      display: grid;
      justify-items: start;
      gap: 0.25rem;
    }

    .error {
      margin: 0;
      color: var(--_danger);
    }

    .error:empty {
      display: none;
    }

    .title {
      margin: 0;
      font-size: 1.0625em;
      font-weight: 700;
    }

    .plan {
      margin: 0;
      color: var(--_muted);
    }

    dl {
      display: grid;
      grid-template-columns: max-content minmax(0, 1fr);
      gap: 0.25rem 1rem;
      margin: 0.25rem 0 0;
      font-size: 0.9375em;
    }

    dt {
      color: var(--_muted);
    }

    dd {
      margin: 0;
      overflow-wrap: anywhere;
    }

    .reference {
      word-break: break-all;
      font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
      font-size: 0.9375em;
    }
  `,
];

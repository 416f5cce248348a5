import { css } from 'lit';
import { sharedStyles } from '../../internal/shared-styles.ts';

export const styles = [
  sharedStyles,
  css`
    :host {
      container-type: inline-size;
      display: grid;
      gap: calc(var(--_space) * 0.375);
      font-size: 0.9375em;
    }

    .why {
      margin: 0;
      color: var(--_muted);
    }

    .why strong {
      color: var(--_text);
    }

    summary {
      justify-self: start;
      padding: 0.25rem 0;
      color: var(--_accent);
      cursor: pointer;
    }

    /* A wide comparison scrolls inside its own box instead of widening the widget. */
    .scroll {
      margin-top: 0.5rem;
      overflow-x: auto;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
    }

    .scroll:focus-visible {
      outline: 3px solid var(--cover-focus-ring, color-mix(in srgb, var(--_accent) 45%, transparent));
      outline-offset: 2px;
    }

    table {
      width: 100%;
      table-layout: fixed;
      border-collapse: collapse;
      font-size: 0.9375em;
    }

    th,
    td {
      padding: 0.5rem 0.625rem;
      text-align: start;
      vertical-align: top;
      border-bottom: 1px solid var(--_border);
      overflow-wrap: break-word;
    }

    tbody tr:last-child > * {
      border-bottom: none;
    }

    thead th {
      font-weight: 600;
    }

    tbody th {
      font-weight: 400;
      color: var(--_muted);
    }

    a {
      color: var(--_accent);
      text-underline-offset: 0.2em;
    }

    .cards {
      display: none;
      margin: 0.5rem 0 0;
      padding: 0;
      list-style: none;
      gap: 0.5rem;
    }

    .card {
      padding: 0.625rem 0.75rem;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
    }

    .card p,
    .card-covers {
      margin: 0;
    }

    .card-covers {
      padding: 0.25rem 0;
      list-style: none;
    }

    .missing {
      color: var(--_muted);
      text-decoration: line-through;
    }

    .card-facts {
      color: var(--_muted);
      font-size: 0.9375em;
    }

    /* Side by side while the columns have room; one offer after another on a phone. */
    @container (max-width: 34rem) {
      .scroll {
        display: none;
      }

      .cards {
        display: grid;
      }
    }
  `,
];

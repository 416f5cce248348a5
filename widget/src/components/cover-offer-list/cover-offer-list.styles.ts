import { css } from 'lit';
import { sharedStyles } from '../../internal/shared-styles.ts';

export const styles = [
  sharedStyles,
  css`
    :host {
      display: block;
      container-type: inline-size;
    }

    fieldset {
      display: grid;
      gap: calc(var(--_space) * 0.625);
      margin: 0;
      padding: 0;
      border: none;
      min-width: 0;
    }

    .group {
      display: grid;
      gap: calc(var(--_space) * 0.5);
    }

    .group-heading {
      margin: 0.25rem 0 0;
      font-size: 0.8125em;
      font-weight: 600;
      letter-spacing: 0.02em;
      text-transform: uppercase;
      color: var(--_accent);
    }

    summary {
      justify-self: start;
      padding: 0.25rem 0;
      color: var(--_accent);
      font-size: 0.9375em;
      cursor: pointer;
    }

    /* A details element's content is no grid item of it: each folded offer keeps its own gap. */
    details .offer {
      margin-top: calc(var(--_space) * 0.5);
    }

    :host([compact]) .offer {
      padding: 0.625rem 0.875rem;
    }

    .offer {
      position: relative;
      display: grid;
      grid-template-columns: auto 1fr auto;
      align-items: start;
      gap: 0.25rem 0.875rem;
      padding: 0.875rem 1rem;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      background: var(--_surface);
      cursor: pointer;
      transition:
        border-color 120ms,
        box-shadow 120ms;
    }

    .offer:hover {
      border-color: color-mix(in srgb, var(--_accent) 55%, var(--_border));
    }

    .offer.selected {
      border-color: var(--_accent);
      box-shadow: 0 0 0 1px var(--_accent);
    }

    .offer:has(input:focus-visible) {
      outline: 3px solid var(--cover-focus-ring, color-mix(in srgb, var(--_accent) 45%, transparent));
      outline-offset: 2px;
    }

    input[type='radio'] {
      margin: 0.2rem 0 0;
      width: 1.125rem;
      height: 1.125rem;
      accent-color: var(--_accent);
    }

    /* The label's own outline (above) shows focus; avoid a second ring on the radio. */
    input[type='radio']:focus-visible {
      outline: none;
    }

    .name {
      font-weight: 600;
      min-width: 0;
    }

    .price {
      font-weight: 700;
      font-size: 1.0625em;
      white-space: nowrap;
      font-variant-numeric: tabular-nums;
    }
  `,
];

import { css } from 'lit';
import { sharedStyles } from '../../internal/shared-styles.ts';
import { themeTokens } from '../../internal/theme-tokens.ts';

export const styles = [
  sharedStyles,
  // Light defaults and dark themes as --cover-* on the host (internal/theme-tokens.ts).
  themeTokens,
  css`
    :host {
      container-type: inline-size;
    }

    .header {
      display: flex;
      justify-content: space-between;
      align-items: baseline;
      gap: 1rem;
    }

    .heading:focus {
      outline: none;
    }

    .heading:focus-visible {
      outline: 3px solid var(--cover-focus-ring, color-mix(in srgb, var(--_accent) 45%, transparent));
    }

    /* Reserve the offers' height from the first paint: no layout shift when they arrive. */
    .base {
      min-height: var(--cover-offers-min-height, 19rem);
      align-content: start;
    }

    :host([layout='compact']) .base {
      min-height: var(--cover-offers-min-height, 15rem);
    }

    /* Nothing to reserve room for: no device picked yet, or the order replaced the offers. */
    .base.fit,
    :host([layout]) .base.fit {
      min-height: 0;
    }

    /* Grid items default to their min-content width; long policy references must wrap instead. */
    .base > * {
      min-width: 0;
    }

    .launcher {
      width: 100%;
      text-align: start;
      font-weight: 600;
    }

    dialog {
      width: min(40rem, calc(100vw - 1rem));
      max-height: calc(100dvh - 2rem);
      padding: 0;
      border: none;
      border-radius: calc(var(--_radius) * 1.4);
      background: transparent;
      color: inherit;
      overflow: auto;
    }

    dialog::backdrop {
      background: rgb(10 12 16 / 55%);
    }

    .imei-prompt {
      display: grid;
      gap: 0.25rem;
      padding: 0.75rem 1rem;
      border: 1px dashed var(--_border);
      border-radius: var(--_radius);
    }

    .imei-prompt label {
      font-weight: 600;
    }

    .imei-row {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
    }

    .imei-row input {
      flex: 1 1 12rem;
      min-height: 2.75rem;
      padding: 0.5rem 0.75rem;
      font: inherit;
      color: var(--_text);
      background: var(--_surface);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
    }

    .imei-row input[aria-invalid='true'] {
      border-color: var(--_danger);
    }

    .hint {
      margin: 0;
      color: var(--_muted);
      font-size: 0.875em;
    }

    .field-error {
      margin: 0;
      color: var(--_danger);
      font-size: 0.875em;
    }

    .base {
      display: grid;
      gap: var(--_space);
      padding: var(--cover-padding, 1.25rem);
      border: 1px solid var(--_border);
      border-radius: calc(var(--_radius) * 1.4);
      background: var(--cover-color-background, var(--_surface));
    }

    .heading {
      margin: 0;
      font-size: 1.1875em;
      line-height: 1.25;
    }

    .subheading {
      margin: -0.625rem 0 0;
      color: var(--_muted);
      font-size: 0.9375em;
    }

    .message {
      margin: 0;
      color: var(--_muted);
    }

    .error {
      display: grid;
      justify-items: start;
      gap: 0.75rem;
      color: var(--_danger);
    }

    .decline {
      justify-self: start;
    }

    /* Placeholders the size of real offers, so the page does not jump when they arrive. */
    .skeleton {
      display: grid;
      gap: calc(var(--_space) * 0.625);
    }

    .skeleton-offer {
      height: 4.75rem;
      border-radius: var(--_radius);
      background:
        linear-gradient(90deg, transparent 0%, color-mix(in srgb, var(--_surface) 60%, transparent) 50%, transparent 100%),
        color-mix(in srgb, var(--_text) 7%, var(--_surface));
      background-size: 200% 100%;
      animation: shimmer 1.4s ease-in-out infinite;
    }

    @keyframes shimmer {
      from {
        background-position: 150% 0;
      }
      to {
        background-position: -50% 0;
      }
    }

    @media (prefers-reduced-motion: reduce) {
      .skeleton-offer {
        animation: none;
      }
    }

    hr {
      width: 100%;
      margin: 0;
      border: none;
      border-top: 1px solid var(--_border);
    }
  `,
];

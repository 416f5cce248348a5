import { css } from 'lit';
import { sharedStyles } from '../../internal/shared-styles.ts';

export const styles = [
  sharedStyles,
  css`
    :host {
      display: block;
      container-type: inline-size;
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
      height: 5.25rem;
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

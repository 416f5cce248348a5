/**
 * Styles every Coverkit element shares. Colours and shapes come from `--cover-*`
 * custom properties, which inherit through shadow roots, so a merchant sets them once on
 * `cover-offers` (or any ancestor) to theme every part.
 */
import { css } from 'lit';

export const sharedStyles = css`
  :host {
    --_accent: var(--cover-color-accent, #1f5eff);
    --_accent-contrast: var(--cover-color-accent-contrast, #ffffff);
    --_text: var(--cover-color-text, #1b1f24);
    --_muted: var(--cover-color-muted, #5a6472);
    --_border: var(--cover-color-border, #d2d7df);
    --_surface: var(--cover-color-surface, #ffffff);
    --_danger: var(--cover-color-danger, #b3261e);
    --_success: var(--cover-color-success, #176b3a);
    --_radius: var(--cover-radius, 10px);
    --_space: var(--cover-spacing, 1rem);
    color: var(--_text);
    font-family: var(--cover-font-family, inherit);
    font-size: var(--cover-font-size, 1rem);
    line-height: 1.45;
  }

  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }

  [hidden] {
    display: none !important;
  }

  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }

  button {
    font: inherit;
    cursor: pointer;
    border-radius: var(--_radius);
    min-height: 2.75rem;
    padding: 0.5rem 1.25rem;
  }

  button:disabled {
    cursor: progress;
    opacity: 0.7;
  }

  .primary-button {
    border: 1px solid var(--_accent);
    background: var(--_accent);
    color: var(--_accent-contrast);
    font-weight: 600;
  }

  .secondary-button {
    border: 1px solid var(--_border);
    background: var(--_surface);
    color: var(--_text);
  }

  .text-button {
    border: none;
    background: none;
    color: var(--_muted);
    text-decoration: underline;
    text-underline-offset: 0.2em;
    padding-inline: 0;
  }

  :focus-visible {
    outline: 3px solid var(--cover-focus-ring, color-mix(in srgb, var(--_accent) 45%, transparent));
    outline-offset: 2px;
  }
`;

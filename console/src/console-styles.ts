/** Styles the console's components share, over the tokens console/index.html defines. */
import { css } from 'lit';

export const sharedStyles = css`
  :host {
    display: block;
    box-sizing: border-box;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  button {
    font: inherit;
    border-radius: var(--ck-radius);
    border: 1px solid var(--ck-border);
    background: var(--ck-surface);
    color: var(--ck-text);
    padding: 0.45rem 0.85rem;
    min-height: 2.5rem;
    cursor: pointer;
  }
  button.primary {
    background: var(--ck-accent);
    border-color: var(--ck-accent);
    color: var(--ck-accent-text);
  }
  button.danger {
    color: var(--ck-danger);
    border-color: var(--ck-danger);
  }
  button:disabled {
    opacity: 0.6;
    cursor: progress;
  }
  button:focus-visible,
  input:focus-visible {
    outline: 3px solid color-mix(in srgb, var(--ck-accent) 45%, transparent);
    outline-offset: 2px;
  }
  input {
    font: inherit;
    border: 1px solid var(--ck-border);
    border-radius: var(--ck-radius);
    padding: 0.45rem 0.6rem;
    min-height: 2.5rem;
    background: var(--ck-surface);
    color: var(--ck-text);
    width: 100%;
  }
  .mono {
    font-family: var(--ck-mono);
    font-size: 0.92em;
    overflow-wrap: anywhere;
  }
  .muted {
    color: var(--ck-muted);
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
`;

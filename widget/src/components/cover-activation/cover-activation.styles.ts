import { css } from 'lit';
import { sharedStyles } from '../../internal/shared-styles.ts';

export const styles = [
  sharedStyles,
  css`
    :host {
      display: block;
    }

    .activation {
      display: grid;
      grid-template-columns: minmax(0, 1fr);
      justify-items: start;
      gap: 0.625rem;
      padding-top: 0.75rem;
      border-top: 1px solid var(--_border);
    }

    h4,
    p {
      margin: 0;
    }

    .code {
      padding: 0.375rem 0.75rem;
      border: 1px dashed var(--_border);
      border-radius: var(--_radius);
      font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
      font-size: 1.375em;
      letter-spacing: 0.12em;
    }

    .steps {
      margin: 0;
      padding-inline-start: 1.25rem;
      color: var(--_muted);
    }

    .preview {
      width: 100%;
      max-height: 16rem;
      border-radius: var(--_radius);
      background: #000;
    }

    .file {
      justify-self: stretch;
      min-width: 0;
      display: grid;
      gap: 0.25rem;
    }

    input[type='file'] {
      font: inherit;
      color: var(--_muted);
      width: 100%;
      min-width: 0;
    }

    /* The browser's own "Choose file" button is small and ignores the theme: match ours. */
    input[type='file']::file-selector-button {
      font: inherit;
      color: var(--_text);
      min-height: 2.75rem;
      margin-inline-end: 0.75rem;
      padding: 0.5rem 1.25rem;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      background: var(--_surface);
      cursor: pointer;
    }

    progress {
      width: 100%;
      height: 0.5rem;
      accent-color: var(--_accent);
    }

    .error {
      color: var(--_danger);
    }

    .error:empty,
    .status:empty {
      display: none;
    }
  `,
];

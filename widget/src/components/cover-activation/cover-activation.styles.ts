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
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5rem 0.75rem;
    }

    .file-button {
      display: inline-flex;
      align-items: center;
      justify-content: center;
      min-height: 3rem;
      padding: 0.625rem 1.25rem;
      border: 2px solid var(--_accent);
      border-radius: var(--_radius);
      background: var(--_accent);
      color: var(--_accent-contrast);
      font-weight: 600;
      cursor: pointer;
      text-align: center;
    }

    .file-button.secondary {
      background: transparent;
      color: var(--_accent);
    }

    .file-input:focus-visible + .file-button {
      outline: 3px solid var(--cover-focus-ring, color-mix(in srgb, var(--_accent) 45%, transparent));
      outline-offset: 2px;
    }

    .file-name {
      min-width: 0;
      overflow-wrap: anywhere;
      color: var(--_muted);
    }

    [part~='upload-button'],
    [part~='record-button'],
    [part~='stop-button'] {
      min-height: 3rem;
      padding-inline: 1.5rem;
    }

    [part~='upload-button']:disabled {
      opacity: 0.55;
      cursor: not-allowed;
    }

    .received {
      justify-self: stretch;
      display: grid;
      gap: 0.25rem;
      padding: 0.875rem 1rem;
      border-radius: var(--_radius);
      border-inline-start: 4px solid var(--_accent);
      background: color-mix(in srgb, var(--_accent) 10%, var(--_surface));
    }

    .received-heading {
      font-weight: 700;
    }

    @media (max-width: 30rem) {
      .file-button,
      [part~='upload-button'],
      [part~='record-button'],
      [part~='stop-button'] {
        width: 100%;
      }
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

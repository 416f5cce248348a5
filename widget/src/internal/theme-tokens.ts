/**
 * The --cover-* tokens both elements set on themselves: light defaults, `theme="dark"`, and the
 * shopper's dark scheme unless `theme="light"`. On the outer element, so a merchant's own rule
 * on `cover-offers` / `cover-policy` wins and the values inherit into everything inside.
 */
import { css } from 'lit';

export const themeTokens = css`
  :host {
    display: block;
    color-scheme: light;
    --cover-color-accent: #1f5eff;
    --cover-color-accent-contrast: #ffffff;
    --cover-color-text: #1b1f24;
    --cover-color-muted: #5a6472;
    --cover-color-border: #8a93a2;
    --cover-color-surface: #ffffff;
    --cover-color-background: #ffffff;
    --cover-color-danger: #b3261e;
    --cover-color-success: #176b3a;
  }

  :host([theme='dark']) {
    color-scheme: dark;
    --cover-color-accent: #8ab4ff;
    --cover-color-accent-contrast: #0b1530;
    --cover-color-text: #e8eaed;
    --cover-color-muted: #aab2bf;
    --cover-color-border: #4a5160;
    --cover-color-surface: #1f232b;
    --cover-color-background: #171a20;
    --cover-color-danger: #ffb4ab;
    --cover-color-success: #7dd3a0;
  }

  @media (prefers-color-scheme: dark) {
    :host(:not([theme='light'])) {
      color-scheme: dark;
      --cover-color-accent: #8ab4ff;
      --cover-color-accent-contrast: #0b1530;
      --cover-color-text: #e8eaed;
      --cover-color-muted: #aab2bf;
      --cover-color-border: #4a5160;
      --cover-color-surface: #1f232b;
      --cover-color-background: #171a20;
      --cover-color-danger: #ffb4ab;
      --cover-color-success: #7dd3a0;
    }
  }
`;

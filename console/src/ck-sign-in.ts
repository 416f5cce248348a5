import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, query } from 'lit/decorators.js';
import { sharedStyles } from './console-styles.ts';

/** Fired with the token the operator typed; the console checks it with the server. */
export class CkSignInEvent extends Event {
  constructor(readonly token: string) {
    super('ck-sign-in', { bubbles: true, composed: true });
  }
}

/**
 * @summary The console's sign-in: one password field for the operator token. Nothing is
 * shown about which token is right (the test default is in the README, not on the page).
 * @fires ck-sign-in - The operator submitted a token.
 */
@customElement('ck-sign-in')
export class CkSignIn extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      form {
        max-width: 26rem;
        margin: 12vh auto 0;
        padding: 1.5rem;
        background: var(--ck-surface);
        border: 1px solid var(--ck-border);
        border-radius: var(--ck-radius);
        display: grid;
        gap: var(--ck-space);
      }
      h1 {
        margin: 0;
        font-size: 1.3rem;
      }
      p {
        margin: 0;
      }
      .error {
        color: var(--ck-danger);
        background: var(--ck-danger-bg);
        padding: 0.5rem 0.75rem;
        border-radius: var(--ck-radius);
      }
    `,
  ];

  @query('input') private input!: HTMLInputElement;

  /** Why the last sign-in failed, from the server. */
  @property() error = '';
  @property({ type: Boolean }) busy = false;

  private submit(event: SubmitEvent) {
    event.preventDefault();
    const token = this.input.value.trim();
    if (token) this.dispatchEvent(new CkSignInEvent(token));
  }

  override render() {
    return html`<form @submit=${this.submit} aria-labelledby="title">
      <h1 id="title">Coverkit operator console</h1>
      <p class="muted">Sign in with the operator token from this server's configuration (COVERKIT_OPERATOR_TOKEN).</p>
      <label for="token">Operator token</label>
      <input id="token" name="token" type="password" autocomplete="current-password" required spellcheck="false" />
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      <button class="primary" type="submit" ?disabled=${this.busy}>Sign in</button>
    </form>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ck-sign-in': CkSignIn;
  }
  interface GlobalEventHandlersEventMap {
    'ck-sign-in': CkSignInEvent;
  }
}

/**
 * @tagname cover-policy
 * @summary One order shown to its shopper after the sale: the plan, its status and dates,
 * the certificate, the activation step where the provider has one, and claims (file one,
 * follow it to a decision, or how to claim where the provider takes claims by phone or email).
 *
 * This element is deliberately tiny: the script-tag entry carries only it, and it loads its
 * implementation (`<cover-policy-view>` in its shadow root) the first time it is put on a page.
 *
 * @attr publishable-key - The merchant's publishable key (`pk_…`).
 * @attr api-base - Where the /v1 API lives (the page's origin by default).
 * @attr order-id - The order to show (`ord_…`).
 * @attr locale - BCP 47 tag for words, money and dates (`en-IN`, `hi-IN`).
 * @attr poll-interval - Milliseconds between status checks while a claim or order waits (default 3000).
 *
 * @fires cover-claim-create - The shopper filed a claim.
 * @fires cover-claim-update - A claim changed status (seen by the widget), or the shopper withdrew it.
 * @fires cover-error - Loading the order or claims, or filing a claim, failed.
 *
 * @csspart policy - The box around everything. Also summary, summary-title, policy-reference, certificate-button, activation.
 * @csspart claims - The claims section. Also claim, claim-status, claim-button, withdraw-button, contact, payout, reasons.
 * @csspart claim-form - The claim steps. Also field, label, input, field-error, file-input, preview, progress, submit-button, retry-button.
 *
 * @cssprop --cover-color-accent - Buttons, selection and focus (the same tokens as `<cover-offers>`).
 */
export class CoverPolicy extends HTMLElement {
  private early?: { clientSecret?: string; strings?: Record<string, string> };

  // Held until the implementation loads and takes them over (mount-policy.ts); real accessors
  // so frameworks (React's wrapper) see properties and set them as such, never as attributes.
  /** The order's `clientSecret` (from the order, or a portal session): a property, never an attribute. */
  get clientSecret(): string | undefined {
    return this.early?.clientSecret;
  }
  set clientSecret(value: string | undefined) {
    this.early = { ...this.early, clientSecret: value };
  }
  /** Merchant wording by message id, as `<cover-offers>`' `strings`. */
  get strings(): Record<string, string> | undefined {
    return this.early?.strings;
  }
  set strings(value: Record<string, string> | undefined) {
    this.early = { ...this.early, strings: value };
  }

  connectedCallback() {
    void import('./mount-policy.ts').then((module) => module.mountPolicy(this));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cover-policy': CoverPolicy;
  }
}

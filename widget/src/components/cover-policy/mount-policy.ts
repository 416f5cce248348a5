/**
 * The implementation behind the tiny `<cover-policy>`: registers the elements it needs,
 * puts one `<cover-policy-view>` in the host's shadow root, and keeps it in step with the
 * host's attributes and its `clientSecret` and `strings` properties.
 */
import { define } from '../../internal/define.ts';
import { CoverClaimStatus } from '../cover-claim-status/cover-claim-status.ts';
import { CoverOrderSummary } from '../cover-order-summary/cover-order-summary.ts';
import { policyHostStyles } from './cover-policy-host.styles.ts';
import { CoverPolicyView } from './cover-policy-view.ts';

const forwardedProperties = ['clientSecret', 'strings'] as const;

export function mountPolicy(host: HTMLElement): void {
  define('cover-order-summary', CoverOrderSummary);
  define('cover-claim-status', CoverClaimStatus);
  define('cover-policy-view', CoverPolicyView);
  if (host.shadowRoot) return;
  const view = document.createElement('cover-policy-view');
  const record = host as unknown as Record<string, unknown>;
  for (const name of forwardedProperties) {
    // A value the page set before this loaded (held by the element, or an own property when set
    // before the element was defined) is carried over.
    const early = record[name];
    delete record[name];
    Object.defineProperty(host, name, {
      configurable: true,
      get: () => view[name],
      set: (value) => ((view as unknown as Record<string, unknown>)[name] = value),
    });
    if (early !== undefined) record[name] = early;
  }
  const copyAttributes = () => {
    for (const { name, value } of Array.from(host.attributes)) if (name !== 'class' && name !== 'style') view.setAttribute(name, value);
  };
  copyAttributes();
  new MutationObserver(copyAttributes).observe(host, { attributes: true });
  const root = host.attachShadow({ mode: 'open' });
  // The host's tokens live here, not in the script-tag entry.
  root.adoptedStyleSheets = [policyHostStyles.styleSheet!];
  root.append(view);
}

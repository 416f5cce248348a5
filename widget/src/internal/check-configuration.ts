/**
 * Mistakes in how a page set up `<cover-offers>`, explained to the developer who made them:
 * a console warning naming the attribute and the fix, a `cover-error` (code
 * `invalid_configuration` or `origin_not_allowed`, with `attribute`) that also stays on the
 * element's `error` property for listeners added later, and — in test mode (a `pk_test_` key,
 * or none) — the same words inside the widget. A separate chunk: the offer view loads it only
 * when something already looks wrong, or in test mode.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { CoverErrorEvent, type CoverErrorDetail } from '../events/cover-error-event.ts';

export interface ConfigurationProblem {
  attribute: string;
  code: 'invalid_configuration' | 'origin_not_allowed' | 'secret_key_in_browser';
  message: string;
}

/** What the check reads and writes on the element. */
export interface CheckedElement extends HTMLElement {
  publishableKey: string;
  apiBase: string;
  price?: number | null;
  error?: CoverErrorDetail;
  setupNotice: TemplateResult | typeof nothing;
}

// Attributes every HTML element may carry, and the prefixes of the open-ended ones.
const globalAttributes = new Set(
  'id class style slot part exportparts hidden lang dir title tabindex role inert nonce translate autofocus draggable contenteditable spellcheck accesskey is popover enterkeyhint inputmode autocapitalize'.split(
    ' ',
  ),
);
const openPrefixes = /^(data-|aria-|on)/;

/** Edit distance, for "did you mean". Attribute names are short. */
function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}

export function closestAttribute(name: string, known: readonly string[]): string | undefined {
  const squash = (value: string) => value.toLowerCase().replace(/[-_]/g, '');
  const exact = known.find((candidate) => squash(candidate) === squash(name));
  if (exact) return exact;
  const ranked = known.map((candidate) => ({ candidate, cost: distance(name, candidate) })).sort((a, b) => a.cost - b.cost);
  return ranked[0] && ranked[0].cost <= Math.max(2, Math.floor(name.length / 4)) ? ranked[0].candidate : undefined;
}

export function findProblems(element: CheckedElement): ConfigurationProblem[] {
  const problems: ConfigurationProblem[] = [];
  const add = (attribute: string, message: string, code: ConfigurationProblem['code'] = 'invalid_configuration') =>
    problems.push({ attribute, code, message });
  const tag = element.localName;
  const known = [...((element.constructor as { observedAttributes?: string[] }).observedAttributes ?? [])];

  for (const name of element.getAttributeNames()) {
    if (known.includes(name) || globalAttributes.has(name) || openPrefixes.test(name)) continue;
    const suggestion = closestAttribute(name, known);
    add(
      name,
      suggestion
        ? `<${tag}> has no attribute "${name}": did you mean "${suggestion}"?`
        : `<${tag}> has no attribute "${name}"; it takes ${known.join(', ')}.`,
    );
  }
  if (element.publishableKey.startsWith('sk_')) {
    add(
      'publishable-key',
      'publishable-key holds a secret key (sk_…), which must stay on your server: nothing was sent. Use your publishable key (pk_…), and roll this secret key, since it has been in a web page.',
      'secret_key_in_browser',
    );
  } else if (!element.publishableKey) {
    add('publishable-key', `publishable-key is missing: set your publishable key, e.g. publishable-key="pk_test_…" (never the sk_ key).`);
  }
  const price: unknown = element.price;
  const priceAttribute = element.getAttribute('price');
  if (typeof price === 'string') {
    add(
      'price',
      `price was set to the string "${price}": set a number in major units instead (price={74999} in JSX, element.price = 74999 in script).`,
    );
  } else if (typeof price === 'number' && Number.isNaN(price)) {
    add(
      'price',
      `price="${priceAttribute ?? price}" is not a number: write the amount in major units with no thousands separators or currency sign, e.g. price="74999" or price="74999.50".`,
    );
  }
  if (/\/v1\/?$/.test(element.apiBase)) {
    add(
      'api-base',
      `api-base="${element.apiBase}" ends in /v1, and the widget adds /v1 itself: set api-base="${element.apiBase.replace(/\/v1\/?$/, '')}".`,
    );
  }
  if (refused.get(element) === `${element.apiBase} ${element.publishableKey}`) add('origin', originMessage(element), 'origin_not_allowed');
  return problems;
}

const originMessage = (element: CheckedElement) =>
  `this page's origin (${location.origin}) may not use ${element.publishableKey || 'this key'}: add it to the merchant's allowed origins (COVERKIT_ALLOWED_ORIGINS), or check api-base="${element.apiBase}".`;

/**
 * A CORS refusal looks like a network failure from inside the page. A `no-cors` request
 * still reaches a server that is up, so the API answering one means the origin was refused.
 */
async function originRefused(apiBase: string): Promise<boolean> {
  try {
    await fetch(`${apiBase.replace(/\/+$/, '')}/v1/health`, { mode: 'no-cors', credentials: 'omit', cache: 'no-store' });
    return true;
  } catch {
    return false;
  }
}

const reported = new WeakMap<Element, string>();
/** The api-base and key a refusal of this page's origin was seen with. */
const refused = new WeakMap<Element, string>();

/** Reports the element's current problems once each; called again after every change. */
export async function checkConfiguration(element: CheckedElement, failure?: unknown): Promise<void> {
  const code = (failure as { code?: string } | undefined)?.code;
  if (code === 'origin_not_allowed' || (code === 'network_error' && (await originRefused(element.apiBase)))) {
    refused.set(element, `${element.apiBase} ${element.publishableKey}`);
  }
  const problems = findProblems(element);
  if (!problems.length && element.error?.attribute) element.error = undefined;
  const signature = JSON.stringify(problems);
  if (reported.get(element) === signature) return;
  const before = reported.get(element) ?? '[]';
  reported.set(element, signature);
  for (const problem of problems) if (!before.includes(JSON.stringify(problem))) report(element, problem);
  const testMode = !element.publishableKey.startsWith('pk_live_');
  element.setupNotice =
    testMode && problems.length
      ? html`<div class="error" part="setup-error" role="alert">
          <p class="message"><strong>Coverkit setup (shown in test mode only)</strong></p>
          <ul>
            ${problems.map((problem) => html`<li><code>${problem.attribute}</code>: ${problem.message}</li>`)}
          </ul>
        </div>`
      : nothing;
}

function report(element: CheckedElement, { attribute, code, message }: ConfigurationProblem) {
  console.warn(`[coverkit] <${element.localName}> ${attribute}: ${message}`);
  const detail: CoverErrorDetail = { code, message, attribute };
  element.error = detail;
  element.dispatchEvent(new CoverErrorEvent(detail));
}

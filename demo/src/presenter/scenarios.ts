/**
 * The sandbox scenarios the presenter can switch on, and how each is made: by changing
 * what the product page tells the widget (trigger models and IMEIs from the README), or
 * by a fault rule on `/sandbox/_faults`, which exists only in sandbox mode.
 */
import type { ProviderId, Scenario } from './settings.ts';

export interface ScenarioDefinition {
  label: string;
  /** What the presenter says to the audience. */
  description: string;
  /** Appended to the product's model (Assurify refuses a model containing "Refurbished"). */
  modelSuffix?: string;
  imei?: string;
  /** Last name the "Fill shopper details" button uses (Octamile triggers). */
  lastName?: string;
  fault?: (target: ProviderId) => { provider: ProviderId; pathPrefix: string; fault: Record<string, unknown> };
  usesTarget?: boolean;
  card?: string;
}

export const DECLINED_CARD = '4000 0000 0000 0002';
export const GOOD_CARD = '4242 4242 4242 4242';
/** Servify's sandbox answers UNSUPPORTED_DEVICE for this IMEI (Luhn-valid). */
export const SERVIFY_INELIGIBLE_IMEI = '357309000000038';
/** One digit off a valid IMEI: fails the Luhn check. */
export const INVALID_IMEI = '490154203237519';

export const scenarios: Record<Scenario, ScenarioDefinition> = {
  none: { label: 'Happy path', description: 'Every provider answers normally.' },
  ineligible: {
    label: 'Ineligible device',
    description:
      'The model becomes "… Refurbished" (Assurify refuses it) and the IMEI is a Servify "unsupported device": their plans disappear, the others stay.',
    modelSuffix: ' Refurbished',
    imei: SERVIFY_INELIGIBLE_IMEI,
  },
  'invalid-imei': {
    label: 'Invalid IMEI',
    description: 'The IMEI fails the Luhn check: IMEI-first providers ask for a valid one, and the form refuses it.',
    imei: INVALID_IMEI,
  },
  slow: {
    label: 'Provider slow',
    description:
      'The chosen provider answers every call 3 s late: the widget shows its loading state longer, then every plan appears (a quote of two calls takes 6 s, inside the 8 s per-provider deadline; past it the provider would be listed unavailable).',
    usesTarget: true,
    fault: (provider) => ({ provider, pathPrefix: '/', fault: { kind: 'delay', ms: 3000 } }),
  },
  down: {
    label: 'Provider down',
    description: 'The chosen provider answers 503 to everything: its plans are missing, the others are offered as usual.',
    usesTarget: true,
    fault: (provider) => ({ provider, pathPrefix: '/', fault: { kind: 'status', status: 503 } }),
  },
  'octamile-busy': {
    label: 'Octamile busy once',
    description:
      'Octamile answers 35 (busy) to the first bind, then 75: the retry binds and the shopper never notices. Use the Tecno phone and "Fill shopper details".',
    lastName: 'Busy',
  },
  'octamile-swamped': {
    label: 'Octamile stays busy',
    description: 'Octamile answers 35 to every bind: checkout says the insurer is busy. Use the Tecno phone and "Fill shopper details".',
    lastName: 'Swamped',
  },
  'card-declined': {
    label: 'Card declined',
    description: 'Checkout is prefilled with 4000 0000 0000 0002: the bank declines, no policy is bound.',
    card: DECLINED_CARD,
  },
};

/** Makes the server's fault rules match the scenario: clears every rule, then adds this one. */
export async function syncFaults(scenario: Scenario, target: ProviderId): Promise<string> {
  const cleared = await fetch('/sandbox/_faults', { method: 'DELETE' }).catch(() => null);
  if (!cleared?.ok) return 'Sandbox controls are off (the server is not in sandbox mode).';
  const rule = scenarios[scenario].fault?.(target);
  if (!rule) return '';
  const added = await fetch('/sandbox/_faults', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(rule),
  });
  return added.ok
    ? `Fault on: ${rule.provider} ${String(rule.fault.kind === 'delay' ? 'answers 3 s late' : 'answers 503')}.`
    : `Could not set the fault (${added.status}).`;
}

/** Every sandbox forgets what it sold (a covered demo IMEI can be covered again), and no fault stays on. */
export async function resetSandboxes(): Promise<string> {
  const response = await fetch('/sandbox/_reset', { method: 'POST' }).catch(() => null);
  return response?.ok ? 'sandboxes emptied' : 'sandbox controls are off';
}

/** Servify's test hook: every token ends, so the next call must generate a new one. */
export async function expireServifyTokens(): Promise<string> {
  const response = await fetch('/sandbox/servify/Sandbox/expireTokens', { method: 'POST' }).catch(() => null);
  if (response?.ok) return 'Servify tokens expired: the next quote renews its token and still answers.';
  return response?.status === 404
    ? 'Servify sandbox is not running here (not merged or not in sandbox mode).'
    : 'Could not reach the Servify sandbox.';
}

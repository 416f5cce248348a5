/**
 * What the presenter has chosen, kept in localStorage so a demo survives page changes and
 * reloads. These are sales-demo switches, not shop state: nothing personal is stored.
 */
export const PROVIDERS = ['bigfix', 'assurify', 'servify', 'octamile'] as const;
export const PLAN_TYPES = ['EW', 'ADLD', 'SCREEN', 'COMPREHENSIVE'] as const;
export const LOCALES = ['auto', 'en-IN', 'hi-IN', 'en-NG', 'en-US'] as const;
export const THEMES = ['light', 'dark', 'brand'] as const;
export const LAYOUTS = ['inline', 'compact', 'modal'] as const;
export const CURRENCY_DISPLAYS = ['symbol', 'code', 'name'] as const;
export const SCENARIOS = [
  'none',
  'ineligible',
  'invalid-imei',
  'slow',
  'down',
  'octamile-busy',
  'octamile-swamped',
  'card-declined',
] as const;

export type ProviderId = (typeof PROVIDERS)[number];
export type Scenario = (typeof SCENARIOS)[number];

export interface PresenterSettings {
  open: boolean;
  providers: ProviderId[];
  planTypes: (typeof PLAN_TYPES)[number][];
  locale: (typeof LOCALES)[number];
  currencyDisplay: (typeof CURRENCY_DISPLAYS)[number];
  theme: (typeof THEMES)[number];
  layout: (typeof LAYOUTS)[number];
  /** Given to the widget's `imei` attribute, so IMEI-first providers (Assurify) can quote. */
  imei: string;
  scenario: Scenario;
  /** The provider a "slow" or "down" scenario applies to. */
  target: ProviderId;
}

/** A valid (Luhn-checked) IMEI that no sandbox treats as a trigger. */
export const DEMO_IMEI = '490154203237518';

export const defaultSettings = (): PresenterSettings => ({
  open: false,
  providers: [...PROVIDERS],
  planTypes: [...PLAN_TYPES],
  locale: 'auto',
  currencyDisplay: 'symbol',
  theme: 'light',
  layout: 'inline',
  imei: DEMO_IMEI,
  scenario: 'none',
  target: 'assurify',
});

const STORAGE_KEY = 'coverkit-demo-presenter';

const oneOf = <T extends string>(allowed: readonly T[], value: unknown, fallback: T): T =>
  allowed.includes(value as T) ? (value as T) : fallback;
const someOf = <T extends string>(allowed: readonly T[], value: unknown, fallback: T[]): T[] =>
  Array.isArray(value) ? allowed.filter((item) => value.includes(item)) : fallback;

/** Reads what was saved, keeping only values this version knows. */
export function loadSettings(): PresenterSettings {
  const defaults = defaultSettings();
  let saved: Record<string, unknown> = {};
  try {
    saved = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '{}') as Record<string, unknown>;
  } catch {
    // A damaged entry is forgotten; the demo starts from the defaults.
  }
  return {
    open: saved.open === true,
    providers: someOf(PROVIDERS, saved.providers, defaults.providers),
    planTypes: someOf(PLAN_TYPES, saved.planTypes, defaults.planTypes),
    locale: oneOf(LOCALES, saved.locale, defaults.locale),
    currencyDisplay: oneOf(CURRENCY_DISPLAYS, saved.currencyDisplay, defaults.currencyDisplay),
    theme: oneOf(THEMES, saved.theme, defaults.theme),
    layout: oneOf(LAYOUTS, saved.layout, defaults.layout),
    imei: typeof saved.imei === 'string' ? saved.imei.slice(0, 20) : defaults.imei,
    scenario: oneOf(SCENARIOS, saved.scenario, defaults.scenario),
    target: oneOf(PROVIDERS, saved.target, defaults.target),
  };
}

export function saveSettings(settings: PresenterSettings): void {
  localStorage.setItem(STORAGE_KEY, JSON.stringify(settings));
}

export function clearSettings(): void {
  localStorage.removeItem(STORAGE_KEY);
}

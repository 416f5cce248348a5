/**
 * Words in the shopper's language: `@lit/localize` in runtime mode (English in the
 * source, other languages as lazily loaded catalogs under `locales/`), plus strings a
 * merchant overrides by message id through `<cover-offers>.strings`.
 *
 * Lit Localize keeps one active language per copy of the script, so two widgets with
 * different `locale`s on one page share the language of the one set last. Money and
 * dates always follow each element's own `locale` (they go through `Intl`).
 */
import { configureLocalization, msg, str } from '@lit/localize';
import type { StrResult } from '@lit/localize';

export { str };

export const sourceLocale = 'en';
export const targetLocales = ['hi'] as const;

const { getLocale, setLocale } = configureLocalization({
  sourceLocale,
  targetLocales,
  loadLocale: () => import('../locales/hi.ts'),
});

/** The catalog language for a BCP 47 tag: `hi-IN` → `hi`; anything unknown → English. */
export function catalogFor(locale: string): string {
  const language = locale.toLowerCase().split('-')[0] ?? '';
  return (targetLocales as readonly string[]).includes(language) ? language : sourceLocale;
}

/** Switches the catalog; elements decorated with `@localized()` re-render when it is ready. */
export function useCatalogFor(locale: string): Promise<void> {
  const catalog = catalogFor(locale);
  return catalog === getLocale() ? Promise.resolve() : setLocale(catalog);
}

const overrides = new Map<string, string>();

/**
 * Merchant wording by message id (see README), e.g. `{ 'offers.decline': 'Skip' }`.
 * `{0}`, `{1}` in an override stand for the values of the original message.
 */
export function setStringOverrides(strings: Readonly<Record<string, string>> | undefined): void {
  overrides.clear();
  for (const [id, value] of Object.entries(strings ?? {})) if (typeof value === 'string') overrides.set(id, value);
  // Lit Localize's own "ready" event makes every @localized() element render again.
  window.dispatchEvent(new CustomEvent('lit-localize-status', { detail: { status: 'ready', readyLocale: getLocale() } }));
}

/** A message by id: the merchant's override, else the active catalog, else English. */
export function t(id: string, template: string | StrResult): string {
  const override = overrides.get(id);
  if (override !== undefined) {
    if (typeof template === 'string') return override;
    return override.replace(/\{(\d+)\}/g, (_, index: string) => String(template.values[Number(index)] ?? ''));
  }
  return typeof template === 'string' ? msg(template, { id }) : msg(template, { id });
}

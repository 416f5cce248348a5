/**
 * Words in the shopper's language: `@lit/localize` in runtime mode (English in the
 * source, other languages as lazily loaded catalogs under `locales/`), plus strings a
 * merchant overrides by message id through `<cover-offers>.strings`.
 *
 * Lit Localize keeps one active language per copy of the script, so two widgets with
 * different `locale`s on one page share the language of the one set last. Merchant
 * overrides, money and dates always follow each widget's own `strings` and `locale`.
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

/** Merchant wording by message id, e.g. `{ 'offers.decline': 'Skip' }` (see README). */
export type Strings = Readonly<Record<string, string>>;

/** Looks a message up by id, with the English source as its template. */
export type Translate = (id: string, template: string | StrResult) => string;

/**
 * The messages of one widget: the merchant's override, else the active catalog, else
 * English. `{0}`, `{1}` in an override stand for the values of the original message.
 * Each element builds its own from the `strings` it was given, so two widgets on one page
 * keep their own wording.
 */
export function translator(strings: Strings | undefined): Translate {
  return (id, template) => {
    const override = strings && Object.hasOwn(strings, id) ? strings[id] : undefined;
    if (typeof override !== 'string') return typeof template === 'string' ? msg(template, { id }) : msg(template, { id });
    if (typeof template === 'string') return override;
    return override.replace(/\{(\d+)\}/g, (_, index: string) => String(template.values[Number(index)] ?? ''));
  };
}

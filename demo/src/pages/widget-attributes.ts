/**
 * What the product page tells `<cover-offers>`: the product's facts, the presenter's
 * choices, and the scenario's trigger inputs. Attributes the widget does not know yet
 * (theme, layout, providers, plan-types) are set anyway; it picks them up when it does.
 */
import type { Product } from '../catalog.ts';
import { localeFor } from '../format.ts';
import { scenarios } from '../presenter/scenarios.ts';
import { PLAN_TYPES, PROVIDERS, type PresenterSettings } from '../presenter/settings.ts';

/** Changing these is another quote: the element is replaced so it asks again. */
export const QUOTE_SETTINGS: readonly (keyof PresenterSettings)[] = ['providers', 'planTypes', 'imei', 'scenario', 'target'];

const themeProperties: Record<PresenterSettings['theme'], Record<string, string>> = {
  light: {},
  dark: {
    '--cover-color-background': '#171a21',
    '--cover-color-surface': '#1f232c',
    '--cover-color-text': '#e8eaef',
    '--cover-color-muted': '#a3abb9',
    '--cover-color-border': '#353b48',
    '--cover-color-accent': '#7aa7ff',
    '--cover-color-accent-contrast': '#0d1018',
    '--cover-color-danger': '#ff8a80',
    '--cover-color-success': '#7ddc9f',
    '--cover-focus-ring': '#7aa7ff',
  },
  brand: {
    '--cover-color-accent': '#e4572e',
    '--cover-color-accent-contrast': '#ffffff',
    '--cover-color-border': '#f1cbbd',
    '--cover-color-surface': '#fff8f5',
    '--cover-color-background': '#ffffff',
    '--cover-focus-ring': '#e4572e',
    '--cover-radius': '4px',
    '--cover-font-family': "'Trebuchet MS', 'Segoe UI', system-ui, sans-serif",
  },
};

const list = <T extends string>(chosen: readonly T[], all: readonly T[]) => (chosen.length === all.length ? '' : chosen.join(','));

export function widgetAttributes(product: Product, settings: PresenterSettings): Record<string, string> {
  const scenario = scenarios[settings.scenario];
  return {
    'publishable-key': 'pk_test_demo',
    category: product.category,
    brand: product.brand,
    model: product.model + (scenario.modelSuffix ?? ''),
    price: String(product.price),
    currency: product.currency,
    country: product.country,
    // A laptop has no IMEI: the presenter's phone IMEI is never handed to one (its plans ask for the serial).
    imei: product.category === 'Mobile' ? (scenario.imei ?? settings.imei) : '',
    // The shop states the manufacturer's warranty on the page, so the shopper is not asked it again.
    'brand-warranty-years': String(product.warrantyYears ?? 1),
    locale: localeFor(settings, product.country),
    theme: settings.theme === 'dark' ? 'dark' : 'light',
    layout: settings.layout,
    // Empty means "all": an unfiltered widget, as a merchant would leave it.
    providers: list(settings.providers, PROVIDERS),
    'plan-types': list(settings.planTypes, PLAN_TYPES),
  };
}

export function applyWidgetSettings(widget: HTMLElement, product: Product, settings: PresenterSettings): void {
  for (const [name, value] of Object.entries(widgetAttributes(product, settings))) {
    if (value) widget.setAttribute(name, value);
    else widget.removeAttribute(name);
  }
  applyWidgetTheme(widget, settings);
}

/** The presenter's theme as the widget's `--cover-*` tokens (every Coverkit element takes the same). */
export function applyWidgetTheme(widget: HTMLElement, settings: PresenterSettings): void {
  const properties = themeProperties[settings.theme];
  for (const name of new Set(Object.values(themeProperties).flatMap(Object.keys))) {
    if (properties[name]) widget.style.setProperty(name, properties[name]);
    else widget.style.removeProperty(name);
  }
}

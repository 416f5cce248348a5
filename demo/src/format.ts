/** Small helpers the shop's pages share. */
import type { Product } from './catalog.ts';
import type { PresenterSettings } from './presenter/settings.ts';

export const byId = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;

const marketLocale = (country: string) => (country === 'NG' ? 'en-NG' : 'en-IN');

/** The locale the presenter chose, or the product's market when it is "auto". */
export const localeFor = (settings: PresenterSettings, country = 'IN') =>
  settings.locale === 'auto' ? marketLocale(country) : settings.locale;

export function formatMoney(
  amount: number,
  currency: string,
  settings: PresenterSettings,
  country = currency === 'NGN' ? 'NG' : 'IN',
): string {
  return new Intl.NumberFormat(localeFor(settings, country), {
    style: 'currency',
    currency,
    currencyDisplay: settings.currencyDisplay,
    minimumFractionDigits: Number.isInteger(amount) ? 0 : 2,
    maximumFractionDigits: 2,
  }).format(amount);
}

export const productPrice = (product: Product, settings: PresenterSettings) =>
  formatMoney(product.price, product.currency, settings, product.country);

/** Builds an element with text only (never HTML), so no product or API text is parsed. */
export function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  { dataset, ...properties }: Partial<Omit<HTMLElementTagNameMap[K], 'dataset'>> & { dataset?: Record<string, string> } = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const node = Object.assign(document.createElement(tag), properties);
  Object.assign(node.dataset, dataset);
  node.append(...children);
  return node;
}

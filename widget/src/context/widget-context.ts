/**
 * What one `<cover-offers>` shares with the elements inside it (list, form, picker,
 * summary, activation): its /v1 client, its `locale` and its merchant `strings`.
 * Context rather than module globals, so two widgets on one page stay independent; the
 * inner elements keep these as properties too, for use on their own.
 */
import { ContextProvider, createContext } from '@lit/context';
import type { ReactiveControllerHost } from 'lit';
import type { ApiClient } from '../api/client.ts';
import type { Strings } from '../internal/localize.ts';

export const apiClientContext = createContext<ApiClient | undefined>(Symbol('coverkit-api-client'));

/** A BCP 47 tag for words, money and dates (`en-IN`, `hi-IN`); empty for the browser's language. */
export const localeContext = createContext<string>(Symbol('coverkit-locale'));

/** Merchant wording by message id. */
export const stringsContext = createContext<Strings | undefined>(Symbol('coverkit-strings'));

export interface WidgetContextValues {
  client: ApiClient | undefined;
  locale: string;
  strings: Strings | undefined;
}

/**
 * Provides one widget's values to the elements inside it. Plain providers rather than the
 * `@provide` decorator: `<cover-offers>` creates this when the first later step loads, so
 * the offer view ships without it.
 */
export class WidgetContextProvider {
  private readonly client: ContextProvider<typeof apiClientContext>;
  private readonly locale: ContextProvider<typeof localeContext>;
  private readonly strings: ContextProvider<typeof stringsContext>;

  constructor(host: ReactiveControllerHost & HTMLElement) {
    this.client = new ContextProvider(host, { context: apiClientContext });
    this.locale = new ContextProvider(host, { context: localeContext, initialValue: '' });
    this.strings = new ContextProvider(host, { context: stringsContext });
  }

  /** Consumers that subscribed hear of each value that changed. */
  provide({ client, locale, strings }: WidgetContextValues): void {
    this.client.setValue(client);
    this.locale.setValue(locale);
    this.strings.setValue(strings);
  }
}

/**
 * The quote of one `<cover-offers>`: asks `POST /v1/quotes` whenever the device (or the
 * IMEI the shopper gave to see more plans) changes, through one `@lit/task` that aborts a
 * superseded request; asks again a minute before the first offer expires (its price is
 * only held so long); keeps the shopper's pick across refreshes, where the same plan comes
 * back with a new (signed, expiring) offer id; and applies the page's filters. While the
 * quote runs, the offers of the providers that already answered are there to show
 * (`inProgress`): the server streams each provider's answer as it comes.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { Task, initialState } from '@lit/task';
import type { ApiClient } from '../api/client.ts';
import type { Money, Offer, QuoteResponse } from '../../../contract/types.ts';
import { parseList } from '../internal/format.ts';
import { buildQuoteRequest } from '../internal/quote-request.ts';
import type { DeviceAttributes } from '../internal/quote-request.ts';

/** How long before the first offer expires the quote is asked for again. */
export const OFFER_REFRESH_LEAD_MS = 60_000;
// Timers overflow past 2^31 ms (about 24 days) and would fire at once.
const MAX_TIMER_MS = 2 ** 31 - 1;

/** The same plan at the same price, whatever its (signed, expiring) offer id. */
export function isSameOffer(offer: Offer, other: Offer): boolean {
  return (
    offer.offerId === other.offerId ||
    (offer.provider === other.provider &&
      offer.type === other.type &&
      offer.name === other.name &&
      offer.termMonths === other.termMonths &&
      offer.price.amount === other.price.amount &&
      offer.price.currency === other.price.currency)
  );
}

type QuoteArgs = readonly [ApiClient | undefined, string, string, string, number | null | undefined, string, string, string];

export interface QuotePage {
  category: string;
  price?: number | null;
  currency: string;
  country: string;
  imei: string;
  providers: string;
  planTypes: string;
}

export interface QuoteOptions {
  client: () => ApiClient | undefined;
  /** The page's attributes: the device (but brand and model), its IMEI, and the comma-separated filters (all when empty). */
  page: () => QuotePage;
  /** Brand and model: the page's, or the shopper's picks. */
  device: Pick<DeviceAttributes, 'brand' | 'model'>;
  /** True while refreshing makes no sense (the order exists). */
  paused: () => boolean;
  onLoad: (offers: Offer[], response: QuoteResponse) => void;
  onError: (error: unknown) => void;
}

export class QuoteController implements ReactiveController {
  readonly task: Task<QuoteArgs, QuoteResponse>;
  private readonly host: ReactiveControllerHost & Element;
  private readonly options: QuoteOptions;
  private selectedOffer?: Offer;
  private typedImei = '';
  private refreshTimer?: ReturnType<typeof setTimeout>;
  private lastOffers: readonly Offer[] = [];
  private progress?: QuoteResponse;

  constructor(host: ReactiveControllerHost & Element, options: QuoteOptions) {
    this.host = host;
    this.options = options;
    host.addController(this);
    this.task = new Task<QuoteArgs, QuoteResponse>(host, {
      args: () => {
        const { category, price, currency, country, imei } = options.page();
        const { brand, model } = options.device;
        return [options.client(), category, brand, model, price, currency, country, this.typedImei || imei];
      },
      task: async ([client, category, brand, model, price, currency, country, imei], { signal }) => {
        const request = buildQuoteRequest({ category, brand, model, price, currency, country, imei });
        this.progress = undefined;
        const showSoFar = (soFar: QuoteResponse) => {
          if (signal.aborted) return;
          this.progress = soFar;
          this.host.requestUpdate();
        };
        return client && request ? client.createQuote(request, signal, showSoFar) : initialState;
      },
      onComplete: (response) => {
        this.progress = undefined;
        this.handleResponse(response);
      },
      onError: (error) => {
        this.progress = undefined;
        options.onError(error);
      },
    });
  }

  /** The offer the shopper picked; survives refreshes as long as the same plan is offered. */
  get selected(): Offer | undefined {
    return this.selectedOffer;
  }

  set selected(offer: Offer | undefined) {
    this.selectedOffer = offer;
    this.host.requestUpdate();
  }

  /** The IMEI the shopper typed to see the plans of providers that need one; it is quoted instead of the page's. */
  get shopperImei(): string {
    return this.typedImei;
  }

  set shopperImei(imei: string) {
    this.typedImei = imei;
    this.host.requestUpdate();
  }

  /**
   * The quote in flight so far, once it holds an offer the page shows: the answers of the
   * providers that were quick, while the others are still asked. Undefined otherwise (the
   * skeleton, or the previous offers, stay until then: no "no plans" flash).
   */
  get inProgress(): QuoteResponse | undefined {
    return this.progress && this.visibleOffers(this.progress).length > 0 ? this.progress : undefined;
  }

  /** The offers the page wants shown (its `providers` and `plan-types`). */
  visibleOffers(response: QuoteResponse): Offer[] {
    const providers = this.allowedProviders();
    const types = parseList(this.options.page().planTypes.toUpperCase());
    return response.offers.filter((offer) => (!providers.size || providers.has(offer.provider)) && (!types.size || types.has(offer.type)));
  }

  /** How many more (allowed) providers would quote with the IMEI; 0 once the shopper gave it. */
  imeiNeeded(response: QuoteResponse): number {
    if (this.typedImei) return 0;
    const providers = this.allowedProviders();
    return response.unavailable.filter((entry) => entry.code === 'needs_imei' && (!providers.size || providers.has(entry.provider))).length;
  }

  /** The lowest price shown, for the modal layout's launcher. */
  get cheapest(): Money | undefined {
    const prices = this.task.value ? this.visibleOffers(this.task.value).map((offer) => offer.price) : [];
    return prices.sort((first, second) => first.amount - second.amount)[0];
  }

  hostConnected(): void {
    // Back on the page (moved in the DOM): the offers shown still expire.
    if (this.lastOffers.length > 0) this.scheduleRefresh(this.lastOffers);
  }

  hostDisconnected(): void {
    clearTimeout(this.refreshTimer);
  }

  /** Asks again now (the retry button, `reset()`). */
  run(): Promise<void> {
    return this.task.run();
  }

  private allowedProviders(): Set<string> {
    return parseList(this.options.page().providers);
  }

  private handleResponse(response: QuoteResponse) {
    const offers = this.visibleOffers(response);
    const selected = this.selectedOffer;
    this.selected = selected && offers.find((offer) => isSameOffer(offer, selected));
    this.lastOffers = offers;
    this.scheduleRefresh(offers);
    this.options.onLoad(offers, response);
  }

  private scheduleRefresh(offers: readonly Offer[]) {
    clearTimeout(this.refreshTimer);
    const earliest = Math.min(...offers.map((offer) => Date.parse(offer.expiresAt)).filter(Number.isFinite));
    if (!Number.isFinite(earliest)) return;
    const delay = Math.max(1000, earliest - Date.now() - OFFER_REFRESH_LEAD_MS);
    if (delay > MAX_TIMER_MS) return;
    this.refreshTimer = setTimeout(() => {
      if (!this.options.paused() && this.host.isConnected) void this.task.run();
    }, delay);
  }
}

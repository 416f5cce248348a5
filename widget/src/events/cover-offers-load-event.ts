import type { Offer, Unavailable } from '../../../contract/types.ts';

export interface CoverOffersLoadDetail {
  offers: Offer[];
  /** Providers that could not quote this device, with the reason. */
  unavailable: Unavailable[];
}

/**
 * `cover-offers-load`: Fired when a quote completes (also with no offers), so the host
 * can hide the slot or log coverage.
 *
 * Bubbles and is composed, so the host page can listen on the widget or any ancestor.
 */
export class CoverOffersLoadEvent extends CustomEvent<CoverOffersLoadDetail> {
  static readonly eventName = 'cover-offers-load';

  constructor(detail: CoverOffersLoadDetail) {
    super(CoverOffersLoadEvent.eventName, { bubbles: true, composed: true, detail });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'cover-offers-load': CoverOffersLoadEvent;
  }
}

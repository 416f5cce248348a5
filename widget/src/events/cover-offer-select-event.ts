import type { Offer } from '../../../contract/types.ts';

export interface CoverOfferSelectDetail {
  offer: Offer;
}

/**
 * `cover-offer-select`: Fired when the shopper picks an offer, never when the selection
 * is changed by code.
 *
 * Bubbles and is composed, so the host page can listen on the widget or any ancestor.
 */
export class CoverOfferSelectEvent extends CustomEvent<CoverOfferSelectDetail> {
  static readonly eventName = 'cover-offer-select';

  constructor(detail: CoverOfferSelectDetail) {
    super(CoverOfferSelectEvent.eventName, { bubbles: true, composed: true, detail });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'cover-offer-select': CoverOfferSelectEvent;
  }
}

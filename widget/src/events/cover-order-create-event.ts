import type { Offer, Order } from '../../../contract/types.ts';

export interface CoverOrderCreateDetail {
  /** Status `awaiting_payment`; `clientSecret` lets the page read the order later. */
  order: Order;
  offer: Offer;
}

/**
 * `cover-order-create`: Fired when the shopper's order was created: the host adds the
 * plan to its cart and confirms payment through its own server (with the secret key).
 *
 * Bubbles and is composed, so the host page can listen on the widget or any ancestor.
 */
export class CoverOrderCreateEvent extends CustomEvent<CoverOrderCreateDetail> {
  static readonly eventName = 'cover-order-create';

  constructor(detail: CoverOrderCreateDetail) {
    super(CoverOrderCreateEvent.eventName, { bubbles: true, composed: true, detail });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'cover-order-create': CoverOrderCreateEvent;
  }
}

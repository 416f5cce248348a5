import type { Order } from '../../../contract/types.ts';

export interface CoverOrderConfirmDetail {
  order: Order;
}

/**
 * `cover-order-confirm`: Fired when the widget itself learns that an order was
 * confirmed (for a later issue: polling the order with its clientSecret).
 * `showConfirmed()` does not fire it, since the host already knows.
 *
 * Bubbles and is composed, so the host page can listen on the widget or any ancestor.
 */
export class CoverOrderConfirmEvent extends CustomEvent<CoverOrderConfirmDetail> {
  static readonly eventName = 'cover-order-confirm';

  constructor(detail: CoverOrderConfirmDetail) {
    super(CoverOrderConfirmEvent.eventName, { bubbles: true, composed: true, detail });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'cover-order-confirm': CoverOrderConfirmEvent;
  }
}

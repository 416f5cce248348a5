import type { Order } from '../../../contract/types.ts';

/**
 * `cover-order-update`: internal to the widget. The activation step saw the order change
 * (video accepted, policy active or declined) and tells the summary around it. It does
 * not leave the widget's shadow root (not composed); the host learns through
 * `cover-order-confirm` or its own server.
 */
export class CoverOrderUpdateEvent extends Event {
  static readonly eventName = 'cover-order-update';
  readonly order: Order;

  constructor(order: Order) {
    super(CoverOrderUpdateEvent.eventName, { bubbles: true, composed: false });
    this.order = order;
  }
}

declare global {
  interface HTMLElementEventMap {
    'cover-order-update': CoverOrderUpdateEvent;
  }
}

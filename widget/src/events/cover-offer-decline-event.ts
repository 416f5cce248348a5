/** Nothing to tell beyond the fact itself. */
export type CoverOfferDeclineDetail = Record<string, never>;

/**
 * `cover-offer-decline`: Fired when the shopper says "No thanks" to every plan.
 *
 * Bubbles and is composed, so the host page can listen on the widget or any ancestor.
 */
export class CoverOfferDeclineEvent extends CustomEvent<CoverOfferDeclineDetail> {
  static readonly eventName = 'cover-offer-decline';

  constructor() {
    super(CoverOfferDeclineEvent.eventName, { bubbles: true, composed: true, detail: {} });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'cover-offer-decline': CoverOfferDeclineEvent;
  }
}

export interface CoverErrorDetail {
  /** The API's `error.code`, or `network_error`, `timeout`, `invalid_configuration`, `secret_key_in_browser`. */
  code: string;
  /** A sentence fit for the shopper; never contains what the shopper typed. */
  message: string;
  /** HTTP status, when the request got a response. */
  status?: number;
  /** A setup mistake: the attribute to fix (`publishable-key`, `price`, `api-base`, a misspelled name), or `origin`. */
  attribute?: string;
}

/**
 * `cover-error`: Fired when loading offers or creating the order failed, or the page set the
 * widget up wrongly (code `invalid_configuration` or `origin_not_allowed`, with `attribute`);
 * the widget shows the error too. The last one also stays on the element's `error` property.
 *
 * Bubbles and is composed, so the host page can listen on the widget or any ancestor.
 */
export class CoverErrorEvent extends CustomEvent<CoverErrorDetail> {
  static readonly eventName = 'cover-error';

  constructor(detail: CoverErrorDetail) {
    super(CoverErrorEvent.eventName, { bubbles: true, composed: true, detail });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'cover-error': CoverErrorEvent;
  }
}

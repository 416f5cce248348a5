export interface CoverDeviceChangeDetail {
  category: string;
  brand: string;
  /** Empty until the shopper has picked a model of the new brand. */
  model: string;
}

/**
 * `cover-device-change`: Fired when the shopper picks a brand or a model in the device
 * pickers, never when they are set by code. Offers are asked for once both are picked.
 *
 * Bubbles and is composed, so the host page can listen on the widget or any ancestor.
 */
export class CoverDeviceChangeEvent extends CustomEvent<CoverDeviceChangeDetail> {
  static readonly eventName = 'cover-device-change';

  constructor(detail: CoverDeviceChangeDetail) {
    super(CoverDeviceChangeEvent.eventName, { bubbles: true, composed: true, detail });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'cover-device-change': CoverDeviceChangeEvent;
  }
}

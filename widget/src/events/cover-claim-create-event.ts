import type { Claim } from '../api/claim-types.ts';

export interface CoverClaimCreateDetail {
  /** The claim as filed (`submitted`, or further if the provider answered at once). */
  claim: Claim;
}

/**
 * `cover-claim-create`: Fired on `<cover-policy>` when the shopper filed a claim and the
 * provider took it.
 *
 * Bubbles and is composed, so the host page can listen on the widget or any ancestor.
 */
export class CoverClaimCreateEvent extends CustomEvent<CoverClaimCreateDetail> {
  static readonly eventName = 'cover-claim-create';

  constructor(detail: CoverClaimCreateDetail) {
    super(CoverClaimCreateEvent.eventName, { bubbles: true, composed: true, detail });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'cover-claim-create': CoverClaimCreateEvent;
  }
}

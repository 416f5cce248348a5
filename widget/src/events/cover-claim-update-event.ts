import type { Claim } from '../api/claim-types.ts';

export interface CoverClaimUpdateDetail {
  /** The claim with its new status (and decision, once there is one). */
  claim: Claim;
  /** The status the widget showed before. */
  previousStatus: string;
}

/**
 * `cover-claim-update`: Fired on `<cover-policy>` when the widget saw a claim change status
 * (a slot booked, a decision, a payout), or the shopper withdrew it.
 *
 * Bubbles and is composed, so the host page can listen on the widget or any ancestor.
 */
export class CoverClaimUpdateEvent extends CustomEvent<CoverClaimUpdateDetail> {
  static readonly eventName = 'cover-claim-update';

  constructor(detail: CoverClaimUpdateDetail) {
    super(CoverClaimUpdateEvent.eventName, { bubbles: true, composed: true, detail });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'cover-claim-update': CoverClaimUpdateEvent;
  }
}

/**
 * The events announcing a claim's changes (`claim.created` once the insurer took it,
 * `claim.updated` after), built inside the store's transaction from the claim as the
 * merchant's own API read shows it. Ordered with its order's events.
 */
import { presentClaim } from '../claims/present-claim.ts';
import type { Merchant } from '../config.ts';
import type { Announce, StoredClaim } from '../store/types.ts';
import { DELIVERY_WINDOW_MS, eventBody, newEventId } from './order-events.ts';

export function announceClaim(merchants: readonly Merchant[] | undefined, type: 'claim.created' | 'claim.updated'): Announce<StoredClaim> {
  return (claim) => {
    const merchant = merchants?.find((candidate) => candidate.id === claim.merchantId);
    const createdAt = new Date();
    const id = newEventId(createdAt);
    return {
      id,
      merchantId: claim.merchantId,
      type,
      orderId: claim.orderId,
      livemode: claim.livemode,
      body: eventBody(id, type, createdAt, claim.livemode, { claim: presentClaim(claim) }),
      createdAt: createdAt.toISOString(),
      deliver: Boolean(merchant?.webhookUrl),
      giveUpAt: new Date(createdAt.getTime() + DELIVERY_WINDOW_MS).toISOString(),
    };
  };
}

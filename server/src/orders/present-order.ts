/** What /v1 shows of an order: never the customer's personal data, never the secret hash. */
import type { Money, Order } from '../../../contract/types.ts';
import type { StoredOrder } from '../store/types.ts';

export function presentOrder(order: StoredOrder, clientSecret?: string): Order {
  const { provider, providerName, type, name, termMonths, price, covers } = order.offer;
  return {
    id: order.id,
    status: order.status,
    livemode: order.offer.livemode === true,
    ...(clientSecret ? { clientSecret } : {}),
    offer: { provider, ...(providerName ? { providerName } : {}), type, name, termMonths, price, covers },
    policy: order.policy
      ? {
          provider,
          reference: order.policy.reference,
          startsAt: order.policy.startsAt,
          endsAt: order.policy.endsAt,
          activationCode: order.policy.activationCode,
          certificate: order.policy.certificate,
        }
      : null,
    failureReason: order.failureReason,
    chargedPrice: order.chargedPrice ?? null,
    priceDifference: priceDifference(order),
    ...(order.status === 'cancelled'
      ? { cancellationReason: order.cancellationReason ?? null, cancelledAt: order.cancelledAt ?? null }
      : {}),
    metadata: order.metadata ?? {},
    createdAt: order.createdAt,
    updatedAt: order.updatedAt,
  };
}

function priceDifference({ chargedPrice, offer }: StoredOrder): Money | null {
  if (!chargedPrice || chargedPrice.currency !== offer.price.currency) return null;
  return { amount: Math.round((chargedPrice.amount - offer.price.amount) * 100) / 100, currency: chargedPrice.currency };
}

/** Loads an order the caller may see: secret key, or publishable key plus the order's client secret. */
import type { Context } from 'hono';
import { ApiError } from '../errors.ts';
import type { Store, StoredOrder } from '../store/types.ts';
import { secretMatches } from './order-secrets.ts';

export async function loadVisibleOrder(store: Store, context: Context): Promise<StoredOrder> {
  const order = await store.getOrder(context.get('merchant').id, context.req.param('id') ?? '');
  if (order && context.get('keyKind') === 'publishable') {
    const clientSecret = context.req.header('X-Client-Secret') ?? '';
    // Same answer as a missing order, so ids cannot be probed.
    if (!clientSecret || !secretMatches(clientSecret, order.clientSecretHash))
      throw new ApiError({ status: 404, code: 'order_not_found', message: 'No such order' });
  }
  if (!order) throw new ApiError({ status: 404, code: 'order_not_found', message: 'No such order' });
  return order;
}

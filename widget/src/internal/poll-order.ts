/**
 * Asks for an order's status until `done` says stop, the element goes away, or `stop()`
 * is called. Failed reads back off (up to 30 s) rather than give up: the shopper's
 * policy exists whether or not one request got through.
 */
import type { ApiClient } from '../api/client.ts';
import type { Order } from '../../../contract/types.ts';

export interface PollOptions {
  client: ApiClient;
  order: Order;
  intervalMilliseconds: number;
  /** Called with each fresh order; return true to stop. */
  onOrder: (order: Order) => boolean;
}

export function pollOrder({ client, order, intervalMilliseconds, onOrder }: PollOptions): () => void {
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let delay = Math.max(250, intervalMilliseconds);
  const tick = async () => {
    if (!order.clientSecret) return;
    try {
      const fresh = await client.getOrder(order.id, order.clientSecret, controller.signal);
      delay = Math.max(250, intervalMilliseconds);
      if (onOrder({ ...fresh, clientSecret: fresh.clientSecret ?? order.clientSecret })) return;
    } catch {
      if (controller.signal.aborted) return;
      delay = Math.min(delay * 2, 30_000);
    }
    if (!controller.signal.aborted) timer = setTimeout(tick, delay);
  };
  timer = setTimeout(tick, delay);
  return () => {
    controller.abort();
    clearTimeout(timer);
  };
}

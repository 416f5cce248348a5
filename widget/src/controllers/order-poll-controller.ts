/**
 * Asks for an order's status until `onOrder` says stop, `stop()` is called or the host
 * leaves the page. Failed reads back off (up to 30 s) rather than give up: the shopper's
 * policy exists whether or not one request got through.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ApiClient } from '../api/client.ts';
import type { Order } from '../../../contract/types.ts';

export interface PollOptions {
  client: ApiClient;
  /** Must carry its `clientSecret`; without one there is nothing to ask with. */
  order: Order;
  intervalMilliseconds: number;
  /** Called with each fresh order; return true to stop. */
  onOrder: (order: Order) => boolean;
}

const minimumIntervalMilliseconds = 250;
const maximumBackoffMilliseconds = 30_000;

export class OrderPollController implements ReactiveController {
  private abortController?: AbortController;
  private timer?: ReturnType<typeof setTimeout>;

  constructor(host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.stop();
  }

  get polling(): boolean {
    return this.abortController !== undefined;
  }

  /** Follows `order`, replacing whatever was being followed. */
  start({ client, order, intervalMilliseconds, onOrder }: PollOptions): void {
    this.stop();
    const clientSecret = order.clientSecret;
    if (!clientSecret) return;
    const controller = (this.abortController = new AbortController());
    const interval = Math.max(minimumIntervalMilliseconds, intervalMilliseconds);
    let delay = interval;
    const tick = async () => {
      try {
        const fresh = await client.getOrder(order.id, clientSecret, controller.signal);
        delay = interval;
        if (onOrder({ ...fresh, clientSecret: fresh.clientSecret ?? clientSecret })) {
          if (this.abortController === controller) this.abortController = undefined;
          return;
        }
      } catch {
        if (controller.signal.aborted) return;
        delay = Math.min(delay * 2, maximumBackoffMilliseconds);
      }
      if (!controller.signal.aborted) this.timer = setTimeout(tick, delay);
    };
    this.timer = setTimeout(tick, delay);
  }

  stop(): void {
    this.abortController?.abort();
    this.abortController = undefined;
    clearTimeout(this.timer);
  }
}

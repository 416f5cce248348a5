/**
 * Delivers the outbox to merchants' webhook endpoints, at least once and in order per order.
 * Every instance runs one: each round leases due events (the store hands out at most one per
 * order, and never one another instance holds), POSTs them signed under a deadline, and
 * settles each: delivered on 2xx, otherwise retried with backoff until its 3 days are over.
 * An instance that dies mid-delivery leaves its leases to expire; another instance sends again.
 */
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { Merchant } from '../config.ts';
import type { Logger } from '../logger.ts';
import type { StoredEvent, Store } from '../store/types.ts';
import { retryDelayMs } from './backoff.ts';
import { SIGNATURE_HEADER, signEvent } from './event-signature.ts';

export interface DeliveryWorkerOptions {
  store: Store;
  merchants: readonly Merchant[];
  logger: Pick<Logger, 'info' | 'warn' | 'error'>;
  /** Deadline of one POST. */
  timeoutMs: number;
  /** How often to look for due events when the last round found few. */
  pollIntervalMs?: number;
  batchSize?: number;
  fetch?: typeof fetch;
  random?: () => number;
  clock?: () => Date;
}

export type DeliveryWorker = ReturnType<typeof createDeliveryWorker>;

/** A lease outlives the slowest delivery, so nobody sends an event while its holder still may. */
export const leaseMsFor = (timeoutMs: number) => timeoutMs * 2 + 5_000;

export function createDeliveryWorker(options: DeliveryWorkerOptions) {
  const { store, logger, timeoutMs, pollIntervalMs = 500, batchSize = 20, random = Math.random, clock = () => new Date() } = options;
  const send = options.fetch ?? fetch;
  const owner = `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
  const endpoints = new Map(
    options.merchants.flatMap((merchant) =>
      merchant.webhookUrl && merchant.webhookSecret ? [[merchant.id, { url: merchant.webhookUrl, secret: merchant.webhookSecret }]] : [],
    ),
  );
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> | undefined;
  let stopped = true;

  /** One POST; the outcome as the store records it. Never throws. */
  async function deliver(event: StoredEvent): Promise<{ ok: boolean; status: number | null; error: string | null }> {
    const endpoint = endpoints.get(event.merchantId)!;
    // A timer of our own (AbortSignal.timeout's does not keep the process alive while it waits).
    const deadline = new AbortController();
    const timer = setTimeout(
      () => deadline.abort(new DOMException('The webhook endpoint did not answer in time', 'TimeoutError')),
      timeoutMs,
    );
    try {
      const response = await send(endpoint.url, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          'User-Agent': 'Coverkit-Webhooks/1',
          [SIGNATURE_HEADER]: signEvent(endpoint.secret, event.body, clock()),
        },
        body: event.body,
        // A redirect is not an answer: a 3xx is retried like any other non-2xx.
        redirect: 'manual',
        signal: deadline.signal,
      });
      await response.body?.cancel().catch(() => undefined);
      return {
        ok: response.status >= 200 && response.status < 300,
        status: response.status,
        error: response.ok ? null : `HTTP ${response.status}`,
      };
    } catch (error) {
      const cause = (error as { cause?: { code?: string } }).cause?.code;
      return { ok: false, status: null, error: [(error as Error).name, cause].filter(Boolean).join(': ') };
    } finally {
      clearTimeout(timer);
    }
  }

  async function settle(event: StoredEvent): Promise<void> {
    const started = clock();
    // Past its window, but never tried (it waited behind an earlier event of its order): tried once.
    if (event.attempts > 1 && started.toISOString() >= event.giveUpAt) {
      await store.settleEvent(event.id, owner, {
        state: 'failed',
        at: started,
        lastStatus: event.lastStatus,
        lastError: 'gave up after 3 days',
      });
      return;
    }
    const outcome = await deliver(event);
    const at = clock();
    if (outcome.ok) {
      await store.settleEvent(event.id, owner, { state: 'delivered', at, lastStatus: outcome.status, lastError: null });
      logger.info('event delivered', { eventId: event.id, type: event.type, attempts: event.attempts });
      return;
    }
    const nextAttemptAt = new Date(at.getTime() + retryDelayMs(event.attempts, random));
    const givingUp = nextAttemptAt.toISOString() >= event.giveUpAt;
    await store.settleEvent(event.id, owner, {
      state: givingUp ? 'failed' : 'pending',
      at,
      nextAttemptAt,
      lastStatus: outcome.status,
      lastError: outcome.error,
    });
    const details = {
      eventId: event.id,
      type: event.type,
      merchantId: event.merchantId,
      attempts: event.attempts,
      status: outcome.status,
      error: outcome.error,
    };
    if (givingUp) logger.error('operator: event given up after 3 days of failed deliveries', details);
    else logger.warn('event delivery failed; retrying', details);
  }

  /** One round: lease due events and settle each. Resolves with how many were leased. */
  async function runOnce(): Promise<number> {
    const claimed = await store.claimDueEvents({
      owner,
      merchantIds: [...endpoints.keys()],
      now: clock(),
      leaseMs: leaseMsFor(timeoutMs),
      limit: batchSize,
    });
    await Promise.all(claimed.map((event) => settle(event)));
    return claimed.length;
  }

  function schedule(delayMs: number) {
    if (stopped) return;
    timer = setTimeout(() => {
      running = runOnce()
        .catch((error: unknown) => {
          logger.error('event delivery round failed', { error: (error as Error).name, message: (error as Error).message });
          return 0;
        })
        .then((count) => schedule(count >= batchSize ? 0 : pollIntervalMs));
    }, delayMs);
  }

  return {
    owner,
    /** Whether any merchant has an endpoint: without one there is nothing to run. */
    get hasEndpoints() {
      return endpoints.size > 0;
    },
    runOnce,
    start() {
      if (!stopped || endpoints.size === 0) return;
      stopped = false;
      schedule(0);
    },
    /** Stops polling and waits for the round in flight (bounded by the POST deadline). */
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running?.catch(() => undefined);
    },
  };
}

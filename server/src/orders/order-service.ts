/**
 * The order lifecycle: create, confirm (bind), cancel, refresh, activate, reconcile and
 * provider events, over the one transition table (order-transitions.ts). It speaks no
 * HTTP: refusals are domain errors (order-errors.ts) and provider failures `ProviderError`s,
 * which only the routes turn into answers.
 */
import type { CreateOrderRequest } from '../../../contract/schemas.ts';
import type { OrderStatus } from '../../../contract/types.ts';
import type { Merchant } from '../config.ts';
import { ProviderError } from '../errors.ts';
import { CertificateNotReadyError } from '../providers/kit/certificate.ts';
import type { CertificateFile, ProviderAdapter } from '../providers/types.ts';
import { announceOrder } from '../events/order-events.ts';
import type { AppServices } from '../services.ts';
import type { OrderPatch, StoredOrder } from '../store/types.ts';
import { bindGraceMs, createBinding } from './order-binding.ts';
import { draftOrder } from './order-draft.ts';
import { CertificateNotReady, IllegalTransition, OperationNotSupported, OrderNotFound, OrderStateConflict } from './order-errors.ts';
import { secretMatches } from './order-secrets.ts';
import {
  ACTIVATABLE_STATUSES,
  BOUND_STATUSES,
  CANCELLABLE_STATUSES,
  canTransition,
  CERTIFIABLE_STATUSES,
  COVER_STATUSES,
  REFRESHABLE_STATUSES,
} from './order-transitions.ts';
import type { ProviderEventUpdate } from './order-types.ts';

/** Sending a large video on to the provider takes longer than an ordinary bind. */
const ACTIVATION_TIMEOUT_MS = 120_000;

export type OrderServiceDeps = Pick<
  AppServices,
  'config' | 'store' | 'logger' | 'adapters' | 'providerHealth' | 'bindsInFlight' | 'signerFor'
>;

/** Who is asking: a secret key sees every order of its merchant, a publishable key needs the order's client secret. */
export type OrderAccess = { keyKind: 'secret' } | { keyKind: 'publishable'; clientSecret: string };

/** The shopper's verification video, already received in full; `open` streams it again from the start. */
export interface ActivationVideo {
  contentType: string;
  size: number;
  open(): ReadableStream<Uint8Array>;
}

export { OUTCOME_UNKNOWN_REASON, type ReconcileReport } from './order-binding.ts';

export function createOrderService(deps: OrderServiceDeps) {
  const { config, store, logger, adapters, providerHealth, signerFor } = deps;
  /** One video per order at a time (per process): a double-tapped button must not send two. */
  const activationsInFlight = new Set<string>();

  /**
   * The one way an order changes status: only along the table, and only while the order is
   * still in one of `from` (the store checks that atomically). Null where it moved on meanwhile.
   */
  async function transition(
    orderId: string,
    from: readonly OrderStatus[],
    to: OrderStatus,
    patch: Omit<OrderPatch, 'status'> = {},
  ): Promise<StoredOrder | null> {
    const illegal = from.find((status) => !canTransition(status, to));
    if (illegal !== undefined) throw new IllegalTransition({ orderId, from: illegal, to });
    // The event announcing the change commits with it (the outbox): none is lost on a crash.
    return store.transitionOrder(orderId, from, { ...patch, status: to }, announceOrder(config.merchants));
  }

  /** The order as stored now, after a transition found it moved on. */
  async function current(order: StoredOrder): Promise<StoredOrder> {
    return (await store.getOrder(order.merchantId, order.id)) ?? order;
  }

  function adapterFor(order: StoredOrder): ProviderAdapter {
    const adapter = adapters.get(order.offer.provider);
    if (!adapter) throw new Error(`no adapter for ${order.offer.provider}`);
    return adapter;
  }

  async function refresh(order: StoredOrder): Promise<StoredOrder> {
    if (!REFRESHABLE_STATUSES.includes(order.status)) return order;
    const adapter = adapters.get(order.offer.provider);
    if (!adapter) return order;
    try {
      const result = await adapter.status({
        orderId: order.id,
        offer: order.offer,
        policy: order.policy,
        signal: AbortSignal.timeout(config.quoteTimeoutMs),
      });
      if (!result || (result.status === order.status && JSON.stringify(result.policy) === JSON.stringify(order.policy))) return order;
      return (await transition(order.id, [order.status], result.status, { policy: result.policy })) ?? order;
    } catch (error) {
      logger.warn('status refresh failed', { orderId: order.id, provider: adapter.id, error: (error as Error).name });
      return order;
    }
  }

  const binder = createBinding(deps, { transition, current, refresh });

  /**
   * A `failed` order may be confirmed again only where the insurer answered that it did not
   * act (an outage, busy) and the offer is still valid; otherwise the merchant re-quotes.
   */
  function checkRetryable(order: StoredOrder, now: number): void {
    const refuse = (message: string) => {
      throw new OrderStateConflict({ action: 'confirm', status: order.status, message });
    };
    if (order.failureKind === 'refused')
      refuse(`The insurer refused this plan: ${order.failureReason ?? 'no reason given'} Ask for fresh plans and create a new order.`);
    if (order.failureKind !== 'outage')
      refuse(`This order failed and cannot be confirmed again: ${order.failureReason ?? 'no reason given'}`);
    const expiresAt = Date.parse(order.offer.expiresAt ?? '');
    if (!(expiresAt > now)) refuse('The offer of this order has expired. Ask for fresh plans and create a new order.');
  }

  function checkActivatable(order: StoredOrder): NonNullable<ProviderAdapter['activate']> {
    const adapter = adapters.get(order.offer.provider);
    if (!adapter?.activate) throw new OperationNotSupported('activate', 'This plan has no activation step');
    if (!ACTIVATABLE_STATUSES.includes(order.status)) throw new OrderStateConflict({ action: 'activate', status: order.status });
    return adapter.activate.bind(adapter);
  }

  return {
    /** A new `awaiting_payment` order and the client secret its shopper reads it with (shown once). */
    async create(merchant: Merchant, request: CreateOrderRequest): Promise<{ order: StoredOrder; clientSecret: string }> {
      const draft = draftOrder(signerFor(merchant), merchant, request);
      await store.createOrder(draft.order, announceOrder(config.merchants, 'order.created'));
      return draft;
    },

    /** An order the caller may see; any other is `OrderNotFound`, so ids cannot be probed. */
    async find(merchantId: string, orderId: string, access: OrderAccess): Promise<StoredOrder> {
      const order = await store.getOrder(merchantId, orderId);
      if (!order) throw new OrderNotFound();
      if (access.keyKind === 'publishable' && !(access.clientSecret && secretMatches(access.clientSecret, order.clientSecretHash)))
        throw new OrderNotFound();
      return order;
    },

    /**
     * Payment confirmed: writes the intent (`binding`) before the provider is called, so a
     * crash or timeout leaves a trace to reconcile, never a loss. A repeated confirm for the
     * same payment answers with where the order is now.
     */
    async confirm(order: StoredOrder, paymentReference: string, now = Date.now()): Promise<StoredOrder> {
      if (order.status === 'failed') checkRetryable(order, now);
      else if (order.status !== 'awaiting_payment') {
        if (order.paymentReference === paymentReference && BOUND_STATUSES.includes(order.status)) return order;
        if (order.status === 'binding')
          throw new OrderStateConflict({
            action: 'confirm',
            status: order.status,
            message: 'An earlier payment for this order is still being confirmed with the insurer: read the order for its outcome',
          });
        throw new OrderStateConflict({ action: 'confirm', status: order.status });
      }
      adapterFor(order); // before `binding`: an order with no adapter must not be left there
      const bound = await transition(order.id, [order.status], 'binding', { paymentReference, failureReason: null, failureKind: null });
      if (bound && order.status === 'failed')
        logger.info('order confirmed again after a failed bind', { orderId: order.id, provider: order.offer.provider });
      if (!bound)
        throw new OrderStateConflict({
          action: 'confirm',
          status: order.status,
          busy: true,
          message: 'This order is being confirmed by another request',
        });
      return binder.bind(bound);
    },

    /** Cancels where the provider allows it. The reason may name the shopper: it is not logged. */
    async cancel(order: StoredOrder, reason: string): Promise<StoredOrder> {
      if (!CANCELLABLE_STATUSES.includes(order.status)) throw new OrderStateConflict({ action: 'cancel', status: order.status });
      const adapter = adapters.get(order.offer.provider);
      if (!adapter?.cancel) throw new OperationNotSupported('cancel', 'This provider does not allow plans to be cancelled here');
      let result;
      try {
        result = await adapter.cancel({
          orderId: order.id,
          offer: order.offer,
          policy: order.policy,
          reason,
          signal: AbortSignal.timeout(config.bindTimeoutMs),
        });
      } catch (error) {
        if (!(error instanceof ProviderError)) throw error;
        providerHealth.record(adapter.id, error.failure === 'refused');
        logger.warn('cancel failed', { orderId: order.id, provider: adapter.id, failure: error.failure, code: error.providerCode });
        throw error;
      }
      providerHealth.record(adapter.id, true);
      if (!result.cancelled) throw new OrderStateConflict({ action: 'cancel', status: order.status, message: result.message });
      const cancelled = await transition(order.id, [order.status], 'cancelled', {
        cancellationReason: reason,
        cancelledAt: new Date().toISOString(),
      });
      logger.info('order cancelled', { orderId: order.id, provider: adapter.id });
      return cancelled ?? (await current(order));
    },

    /** Asks the provider for news about an order that is not final yet; the order as it was where there is none. */
    refresh,

    /** Throws unless the order takes an activation video now; call before receiving one. */
    checkActivatable(order: StoredOrder): void {
      checkActivatable(order);
    },

    /**
     * Sends the shopper's verification video. `receive` reads it (once this order is known to
     * take one, and no other video for it is on its way).
     */
    async activate(order: StoredOrder, receive: () => Promise<ActivationVideo>): Promise<StoredOrder> {
      const activate = checkActivatable(order);
      if (activationsInFlight.has(order.id))
        throw new OrderStateConflict({
          action: 'activate',
          status: order.status,
          busy: true,
          message: 'A video for this order is already being sent',
        });
      activationsInFlight.add(order.id);
      try {
        const video = await receive();
        const result = await activate({
          orderId: order.id,
          offer: order.offer,
          policy: order.policy,
          device: order.device,
          customer: order.customer,
          video: video.open(),
          replayVideo: () => video.open(),
          contentType: video.contentType,
          size: video.size,
          signal: AbortSignal.timeout(ACTIVATION_TIMEOUT_MS),
        });
        return (await transition(order.id, ['pending_activation'], result.status, { policy: result.policy })) ?? (await current(order));
      } finally {
        activationsInFlight.delete(order.id);
      }
    },

    /** The policy certificate file, where the provider issues one and has issued it. */
    async certificate(order: StoredOrder): Promise<CertificateFile> {
      const adapter = adapters.get(order.offer.provider);
      if (!adapter?.certificate) throw new OperationNotSupported('certificate', 'This plan comes without a certificate file');
      // A pending order may have been approved since it was last read: the provider is asked.
      if (!CERTIFIABLE_STATUSES.includes(order.status)) throw new CertificateNotReady();
      try {
        return await adapter.certificate({
          orderId: order.id,
          offer: order.offer,
          policy: order.policy,
          signal: AbortSignal.timeout(config.quoteTimeoutMs),
        });
      } catch (error) {
        if (error instanceof CertificateNotReadyError) throw new CertificateNotReady();
        throw error;
      }
    },

    /** Applies a verified provider event; null where the order was not in any of `update.from`. */
    async applyProviderEvent(update: ProviderEventUpdate): Promise<StoredOrder | null> {
      const { orderId, from, status, ...patch } = update;
      const usual = from.filter((candidate) => candidate !== 'failed');
      const updated = usual.length > 0 ? await transition(orderId, usual, status, patch) : null;
      if (updated) logger.info('order updated by provider event', { orderId, status });
      // News of cover for an order we failed (a crash mid-bind): the cover exists, so the order does too.
      if (updated || !(COVER_STATUSES.includes(status) || from.includes('failed'))) return updated;
      const revived = await transition(orderId, ['failed'], status, { ...patch, failureReason: null, failureKind: null });
      if (revived && COVER_STATUSES.includes(status))
        logger.warn('operator: order revived by a provider event confirming cover; the shopper may have been refunded', {
          orderId,
          status,
          provider: revived.offer.provider,
          paymentReference: revived.paymentReference,
        });
      return revived;
    },

    /**
     * May an unfinished `Idempotency-Key` claim on confirming this order be taken over? Only
     * where its request cannot still be running: the order left `binding` (settled), or it never
     * got there and the claim is older than a bind may take.
     */
    async confirmClaimAbandoned(merchantId: string, orderId: string, claimedAt: Date, now = Date.now()): Promise<boolean> {
      const order = await store.getOrder(merchantId, orderId);
      if (!order || order.status === 'binding') return !order && now - claimedAt.getTime() > bindGraceMs(config);
      // Settled after the claim was taken: its request bound or failed it, or died and the
      // reconciler settled it. An order settled before the claim (a `failed` one being paid
      // again) says nothing about the claim's request: only time does.
      if (Date.parse(order.updatedAt) > claimedAt.getTime()) return true;
      return now - claimedAt.getTime() > bindGraceMs(config);
    },

    /** One pass over every order being bound or waiting on its provider. */
    reconcile: binder.reconcile,
  };
}

export type OrderService = ReturnType<typeof createOrderService>;

const services = new WeakMap<OrderServiceDeps, OrderService>();

/** The one order service of an app (routes and reconciler share it, and its in-flight sets). */
export function orderServiceFor(deps: OrderServiceDeps): OrderService {
  let service = services.get(deps);
  if (!service) services.set(deps, (service = createOrderService(deps)));
  return service;
}

/**
 * Assurify's webhooks (`policy.activated`, `claim.decision`), verified on the raw body with
 * `X-Assurify-Signature`. A `policy.activated` for a `pending` order makes it `active`; a
 * `claim.decision` decides the claim whose id is its `claim_ref`.
 */
import { addMonths } from '../kit/http.ts';
import type { EventRefusal, ProviderEvents } from '../types.ts';
import type { StoredOrder } from '../../store/types.ts';
import type { AssurifyConfig } from './assurify-config.ts';
import { customerKey, subscriptionKey } from './assurify-adapter.ts';
import { assurifyDecisionSchema, assurifyEventSchema, type AssurifyEvent } from './assurify-schemas.ts';
import { toClaimResult } from './map-assurify-claim.ts';
import { verifyAssurifySignature } from './assurify-signature.ts';

export const assurifyEvents: ProviderEvents<AssurifyConfig, AssurifyEvent['data']> = {
  aliases: ['/webhooks/assurify'],

  async verify(config, rawBody, header) {
    const check = verifyAssurifySignature(config.webhookSecret, header('X-Assurify-Signature'), rawBody);
    return check.ok
      ? { ok: true }
      : { ok: false, reason: check.reason, code: 'invalid_signature', message: 'The event signature is missing, stale or wrong' };
  },

  parse(rawBody) {
    let parsed;
    try {
      parsed = assurifyEventSchema.safeParse(JSON.parse(rawBody));
    } catch {
      return { ok: false, code: 'invalid_event', message: 'The event is not JSON' };
    }
    if (!parsed.success) return { ok: false, code: 'invalid_event', message: 'The event has no id, type or data' };
    return { ok: true, event: { id: parsed.data.id, type: parsed.data.type, payload: parsed.data.data } };
  },

  /**
   * The doc promises "the full policy object and subscription_id": the order is the one whose
   * bind stored that subscription (assurify-adapter.ts). Where we never heard the attach's
   * answer (a crash mid-bind), the policy's customer — bound to it by the attach, "bind the
   * selected SmartShield policy ID to the customer record" — leads to the order whose bind
   * intent named that customer.
   */
  async locate(event, { store }): Promise<StoredOrder | null | EventRefusal> {
    // `claim.decision` names our claim id as its claim_ref: the order is the claim's.
    if (event.type === 'claim.decision') {
      const claimRef = event.payload.claim_ref;
      const claim = typeof claimRef === 'string' ? await store.getClaimById(claimRef) : null;
      return claim?.provider === 'assurify' ? await store.getOrderById(claim.orderId) : null;
    }
    const subscriptionId = event.payload.subscription_id ?? event.payload.policy?.subscription_id;
    if (!subscriptionId) return null;
    const customer = event.payload.policy?.customer;
    const orderId =
      (await store.getProviderValue('assurify', subscriptionKey(subscriptionId))) ??
      (typeof customer === 'string' ? await store.getProviderValue('assurify', customerKey(customer)) : null);
    const order = orderId ? await store.getOrderById(orderId) : null;
    if (order?.offer.provider !== 'assurify') return null;
    // Assurify may be quicker than our own bind: ask it to send again once the order is written.
    if (event.type === 'policy.activated' && order.status === 'binding') {
      return { refused: 'not_ready', code: 'order_binding', message: 'The order is still being bound; send the event again' };
    }
    return order;
  },

  async apply(event, order, { applyToOrder, applyToClaim, logger }) {
    if (event.type === 'claim.decision' && order) {
      const decision = assurifyDecisionSchema.safeParse(event.payload);
      if (!decision.success) logger.warn('claim.decision without a decision', { provider: 'assurify', eventId: event.id });
      // Only a claim still waiting takes it: the verify answer may have brought the same decision first.
      else await applyToClaim({ claimId: decision.data.claim_ref, from: ['submitted', 'in_review'], result: toClaimResult(decision.data) });
      return { received: true };
    }
    if (event.type !== 'policy.activated' || !order) return { received: true };
    const policy = order.policy;
    const subscriptionId = event.payload.subscription_id ?? event.payload.policy?.subscription_id;
    if (order.status === 'failed' && !policy && subscriptionId) {
      // We gave up on this bind (a crash before its answer was stored), but Assurify bound it: revive the order.
      const activatedAt = Date.parse(event.payload.activated_at ?? event.payload.policy?.activated_at ?? '');
      const startsAt = new Date(Number.isNaN(activatedAt) ? Date.now() : activatedAt).toISOString();
      const reference = subscriptionId;
      const revived = {
        reference,
        startsAt,
        endsAt: addMonths(startsAt, order.offer.termMonths),
        activationCode: null,
        certificate: false,
      };
      await applyToOrder({ orderId: order.id, from: ['failed'], status: 'active', policy: revived });
    } else if (!policy || policy.reference !== subscriptionId) {
      logger.warn('webhook for another subscription', { provider: 'assurify', eventId: event.id, orderId: order.id });
    } else if (order.status === 'pending') {
      const activatedAt = Date.parse(event.payload.activated_at ?? event.payload.policy?.activated_at ?? '');
      const startsAt = Number.isNaN(activatedAt) ? policy.startsAt : new Date(activatedAt).toISOString();
      await applyToOrder({ orderId: order.id, from: ['pending'], status: 'active', policy: { ...policy, startsAt } });
    }
    return { received: true };
  },

  duplicateReply: { received: true, duplicate: true },
};

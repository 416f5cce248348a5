/**
 * The claims lifecycle: options, create, list, read (refreshed from the provider), withdraw,
 * and provider events, over the one transition table (claim-transitions.ts). It speaks no
 * HTTP: refusals are domain errors (claim-errors.ts) and provider failures `ProviderError`s.
 */
import { randomBytes } from 'node:crypto';
import type { ClaimFileField, ClaimOptions, ClaimStatus, CreateClaimRequest } from '../../../contract/claims.ts';
import { ProviderError } from '../errors.ts';
import type { ClaimEventUpdate, ClaimFile, ClaimsAdapter, ProviderClaimResult } from '../providers/types.ts';
import { announceClaim } from '../events/claim-events.ts';
import type { AppServices } from '../services.ts';
import type { ClaimPatch, StoredClaim, StoredOrder } from '../store/types.ts';
import { ClaimConflict, ClaimNotFound, ClaimOperationNotSupported } from './claim-errors.ts';
import { checkClaimRequest } from './claim-request-check.ts';
import { canTransitionClaim, REFRESHABLE_CLAIM_STATUSES, WITHDRAWABLE_CLAIM_STATUSES } from './claim-transitions.ts';
import { checkClaimable } from './claimable.ts';

/** Sending two 10 MB images on (base64, a third larger) takes longer than a bind. */
const CREATE_TIMEOUT_MS = 120_000;
/** Provider refusal codes the shopper can act on (providers/types.ts, ClaimsAdapter). */
const CONFLICT_CODES = new Set(['slot_unavailable', 'cover_ended', 'claim_not_withdrawable']);

export type ClaimServiceDeps = Pick<AppServices, 'config' | 'store' | 'logger' | 'providers' | 'resilience'>;

export function newClaimId(): string {
  // Letters and digits only: Assurify takes our id as its `claim_ref`.
  return `clm_${randomBytes(12).toString('hex').toUpperCase()}`;
}

export function createClaimService(deps: ClaimServiceDeps) {
  const { config, store, logger } = deps;
  const adapters = new Map<string, ClaimsAdapter | null>();

  function adapterFor(provider: string): ClaimsAdapter | null {
    if (!adapters.has(provider)) {
      const module = deps.providers.get(provider);
      const resilience = deps.resilience.get(provider);
      const adapter =
        module?.claims && resilience ? module.claims.createClaimsAdapter(config.providers[provider], { store, resilience }) : null;
      adapters.set(provider, adapter);
    }
    return adapters.get(provider) ?? null;
  }

  function requireAdapter(order: StoredOrder): ClaimsAdapter {
    const adapter = adapterFor(order.offer.provider);
    if (!adapter) throw new ClaimOperationNotSupported('create', 'Claims on this plan are made with the insurer directly.');
    return adapter;
  }

  /** A provider refusal the shopper can act on, as our own conflict; anything else unchanged. */
  function asConflict(error: unknown): unknown {
    if (error instanceof ProviderError && error.kind === 'refused' && CONFLICT_CODES.has(error.providerCode))
      return new ClaimConflict(error.providerCode as ClaimConflict['code'], error.shopperMessage);
    return error;
  }

  /** The one way a claim changes: along the table, and only while it is still in `from`. */
  async function apply(claim: StoredClaim, result: ProviderClaimResult, from: readonly ClaimStatus[] = [claim.status], created = false) {
    if (!canTransitionClaim(claim.status, result.status)) {
      logger.warn('claim update off the lifecycle ignored', { claimId: claim.id, from: claim.status, to: result.status });
      return claim;
    }
    const now = new Date().toISOString();
    const patch: ClaimPatch = { status: result.status };
    if (result.status !== claim.status) patch.timeline = [...claim.timeline, { status: result.status, at: now }];
    if (result.reference) patch.reference = result.reference;
    if (result.decision !== undefined) patch.decision = result.decision;
    if (result.appointment !== undefined) patch.appointment = result.appointment;
    if (result.providerReferences) patch.providerReferences = { ...claim.providerReferences, ...result.providerReferences };
    // The merchant hears of a claim once the insurer took it, then of every change (in the same transaction).
    const visible = ['status', 'reference', 'decision', 'appointment'] as const;
    const changed = created || visible.some((key) => patch[key] !== undefined && JSON.stringify(patch[key]) !== JSON.stringify(claim[key]));
    const announce = changed ? announceClaim(config.merchants, created ? 'claim.created' : 'claim.updated') : undefined;
    return (await store.transitionClaim(claim.id, from, patch, announce)) ?? (await store.getClaimById(claim.id)) ?? claim;
  }

  /** Fresh news from the provider for a claim still waiting on it; the stored claim where there is none. */
  async function refresh(claim: StoredClaim, order: StoredOrder): Promise<StoredClaim> {
    const adapter = adapterFor(claim.provider);
    if (!adapter?.status || !REFRESHABLE_CLAIM_STATUSES.includes(claim.status)) return claim;
    try {
      const result = await adapter.status({ order, claim, signal: AbortSignal.timeout(config.quoteTimeoutMs) });
      return result ? await apply(claim, result) : claim;
    } catch (error) {
      // A read must not fail because the provider is slow: the stored status is still true.
      logger.warn('claim refresh failed', { claimId: claim.id, provider: claim.provider, error: String(error) });
      return claim;
    }
  }

  return {
    /** What a claim on this order needs, or how to claim where the provider has no claims API. */
    async options(order: StoredOrder): Promise<ClaimOptions> {
      const adapter = requireAdapter(order);
      if (adapter.create) checkClaimable(order);
      return adapter.options({ order, signal: AbortSignal.timeout(config.quoteTimeoutMs) });
    },

    /**
     * Checks the order and request, writes the claim (`submitted`) before the provider is
     * called, then records what the provider answered. A definite refusal leaves no claim.
     */
    async create(
      merchantId: string,
      order: StoredOrder,
      request: CreateClaimRequest,
      files: Partial<Record<ClaimFileField, ClaimFile>>,
    ): Promise<StoredClaim> {
      const adapter = requireAdapter(order);
      if (!adapter.create) {
        const options = await adapter.options({ order, signal: AbortSignal.timeout(config.quoteTimeoutMs) });
        const how = [options.contact?.phone, options.contact?.email, options.contact?.url].filter(Boolean).join(', ');
        throw new ClaimOperationNotSupported('create', `Claims on this plan are made with the insurer directly${how ? `: ${how}` : ''}.`);
      }
      checkClaimable(order);
      const options = await adapter.options({ order, signal: AbortSignal.timeout(config.quoteTimeoutMs) });
      checkClaimRequest(options, request, new Set(Object.keys(files) as ClaimFileField[]));
      const now = new Date().toISOString();
      const claim: StoredClaim = {
        id: newClaimId(),
        merchantId,
        orderId: order.id,
        livemode: order.offer.livemode === true,
        provider: order.offer.provider,
        status: 'submitted',
        type: request.type,
        reference: null,
        incident: request.incident,
        issue: request.issue ?? null,
        appointment: request.appointment ?? null,
        address: request.address ?? null,
        decision: null,
        timeline: [{ status: 'submitted', at: now }],
        providerReferences: {},
        createdAt: now,
        updatedAt: now,
      };
      await store.createClaim(claim);
      let result: ProviderClaimResult;
      try {
        result = await adapter.create({ order, claimId: claim.id, claim: request, files, signal: AbortSignal.timeout(CREATE_TIMEOUT_MS) });
      } catch (error) {
        // Nothing exists at the provider after a definite refusal: the claim goes, too.
        if (error instanceof ProviderError && !error.outcomeUnknown) await store.discardClaim(claim.id);
        throw asConflict(error);
      }
      return apply(claim, result, ['submitted'], true);
    },

    /** A claim the caller may see (the claim of a merchant; the order's access is checked by the route). */
    async find(merchantId: string, claimId: string): Promise<StoredClaim> {
      const claim = await store.getClaim(merchantId, claimId);
      if (!claim) throw new ClaimNotFound();
      return claim;
    },

    refresh,

    /** An order's claims, newest first, each refreshed from the provider. */
    async list(order: StoredOrder, { limit = 20, startingAfter }: { limit?: number; startingAfter?: string }) {
      const page = await store.listClaims(order.id, { limit: limit + 1, startingAfter });
      const data = await Promise.all(page.slice(0, limit).map((claim) => refresh(claim, order)));
      return { data, hasMore: page.length > limit };
    },

    async withdraw(claim: StoredClaim, order: StoredOrder, reason: string | null): Promise<StoredClaim> {
      const adapter = adapterFor(claim.provider);
      if (claim.status === 'withdrawn') return claim;
      if (!adapter?.withdraw)
        throw new ClaimOperationNotSupported(
          'withdraw',
          'This insurer does not take withdrawals through us: contact it to withdraw the claim.',
        );
      if (!WITHDRAWABLE_CLAIM_STATUSES.includes(claim.status))
        throw new ClaimConflict(
          'claim_not_withdrawable',
          `This claim is ${claim.status.replace('_', ' ')} and can no longer be withdrawn.`,
        );
      try {
        const result = await adapter.withdraw({ order, claim, reason, signal: AbortSignal.timeout(config.bindTimeoutMs) });
        return apply(claim, result, WITHDRAWABLE_CLAIM_STATUSES);
      } catch (error) {
        throw asConflict(error);
      }
    },

    /** The one way a provider event (a decision, a repair step) changes a claim. */
    async applyProviderEvent(update: ClaimEventUpdate): Promise<StoredClaim | null> {
      const claim = await store.getClaimById(update.claimId);
      if (!claim || !update.from.includes(claim.status)) return null;
      return apply(claim, update.result, update.from);
    },
  };
}

export type ClaimService = ReturnType<typeof createClaimService>;

const services = new WeakMap<ClaimServiceDeps, ClaimService>();

/** The one claims service of an app (routes and provider events share it, and its adapters). */
export function claimServiceFor(deps: ClaimServiceDeps): ClaimService {
  let service = services.get(deps);
  if (!service) services.set(deps, (service = createClaimService(deps)));
  return service;
}

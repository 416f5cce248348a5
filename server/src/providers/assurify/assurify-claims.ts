/**
 * Assurify's claims (flow 3, "Claims OCR Analysis"): a fresh device session for the policy's
 * device (a claim comes months after the sale, sessions last 15 minutes), then the OCR verify
 * call with our claim id as `claim_ref` and the images streamed as base64. The answer is a
 * decision or `pending`; `claim.decision` (assurify-events.ts) and the status call follow.
 */
import { ProviderError } from '../../errors.ts';
import { ProviderResilience } from '../kit/resilience.ts';
import type { ClaimsAdapter, ClaimInput, CreateClaimInput, ProviderClaimResult, ProviderClaims } from '../types.ts';
import { assurifyCustomerId } from './assurify-adapter.ts';
import { AssurifyClient } from './assurify-client.ts';
import type { AssurifyConfig } from './assurify-config.ts';
import { CLAIM_TYPES_BY_PLAN, toClaimResult } from './map-assurify-claim.ts';

const CLAIMS_UNAVAILABLE = 'Claims cannot be sent to Assurify right now. Please try again in a few minutes.';

/** Assurify's claim refusals → the code the claims service knows (or the same) and a sentence for the shopper. */
const REFUSALS: Record<string, { code: string; message: string }> = {
  policy_expired: { code: 'cover_ended', message: 'The cover on this device has ended, so Assurify takes no new claims for it.' },
  device_not_covered: { code: 'device_not_covered', message: 'Assurify has no cover on record for this device. Contact the shop.' },
  claim_type_not_covered: { code: 'claim_type_not_covered', message: 'This plan does not cover that kind of damage.' },
  invalid_imei: { code: 'invalid_imei', message: 'The IMEI of this device is not valid, so a claim cannot be made online.' },
  device_not_eligible: { code: 'device_not_eligible', message: 'Assurify cannot take claims for this device online. Contact the shop.' },
};

/** Refusals the shopper can act on keep their sentence; outages say claims (not purchases) are unavailable. */
function forClaims(error: unknown): unknown {
  if (!(error instanceof ProviderError)) return error;
  const refusal = REFUSALS[error.providerCode];
  if (refusal)
    return new ProviderError({
      provider: 'assurify',
      failure: 'refused',
      providerCode: refusal.code,
      shopperMessage: refusal.message,
      status: error.status,
      cause: error,
    });
  return new ProviderError({
    provider: 'assurify',
    failure: error.failure === 'refused' ? 'provider_error' : error.failure,
    providerCode: error.providerCode,
    shopperMessage: CLAIMS_UNAVAILABLE,
    status: error.status,
    retryAfterSeconds: error.retryAfterSeconds,
    notSent: error.notSent,
    cause: error,
  });
}

export function createAssurifyClaimsAdapter(config: AssurifyConfig, resilience = new ProviderResilience('assurify')): ClaimsAdapter {
  const client = new AssurifyClient(config, resilience);

  return {
    async options({ order }) {
      return {
        types: CLAIM_TYPES_BY_PLAN[order.offer.type],
        issues: [],
        slots: [],
        requires: ['incident.date', 'incident.description', 'files.invoice', 'files.photo'],
        contact: null,
      };
    },

    async create({ order, claimId, claim, files, signal }: CreateClaimInput): Promise<ProviderClaimResult> {
      const imei = order.device.imei;
      if (!imei)
        throw forClaims(new ProviderError({ provider: 'assurify', failure: 'refused', providerCode: 'invalid_imei', shopperMessage: '' }));
      const { invoice, photo } = files;
      if (!invoice || !photo) throw new Error('the claims service passes both images (options require them)');
      try {
        // The policy's customer, as its bind attached it (a quote-time id, or the order's own).
        const customer = order.policy?.providerReferences?.customer ?? assurifyCustomerId(order.id);
        const session = await client.initSession(
          { imei, customer, model: `${order.offer.device.brand} ${order.offer.device.model}`, geography: order.offer.country },
          signal,
        );
        const fields = { session_token: session.session_id, claim_ref: claimId, claim_type: claim.type, mode: 'AUTO' as const };
        try {
          return toClaimResult(await client.verifyClaim(fields, invoice, photo, signal));
        } catch (error) {
          // Sent before (an answer we never read): the claim exists, read where it is.
          if (error instanceof ProviderError && error.providerCode === 'duplicate_claim_ref')
            return toClaimResult(await client.claimStatus(claimId, signal));
          throw error;
        }
      } catch (error) {
        throw forClaims(error);
      }
    },

    async status({ claim, signal }: ClaimInput): Promise<ProviderClaimResult | null> {
      try {
        return toClaimResult(await client.claimStatus(claim.reference ?? claim.id, signal));
      } catch (error) {
        throw forClaims(error);
      }
    },
  };
}

export const assurifyClaims: ProviderClaims<AssurifyConfig> = {
  createClaimsAdapter: (config, { resilience }) => createAssurifyClaimsAdapter(config, resilience),
};

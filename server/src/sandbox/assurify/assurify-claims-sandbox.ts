/**
 * Assurify's claims flow (flow 3 of assurify-smartshield.txt): `POST /v1/claims/ocr/verify`
 * with a device session, our claim reference, the damage type, the mode and two base64
 * images; an immediate decision, or `status: "pending"` and a decision some seconds later.
 * Either way a signed `claim.decision` event follows ("Receive claim.decision on your webhook
 * URL"), signed like `policy.activated`; `GET /v1/claims/{id}/status` is the fallback.
 *
 * The doc shows no claim answer or error body: errors are `{status:"error", error:{code,
 * message}}` like the other calls; the verify answer and the status are `{status:"success",
 * data:{claim_id, claim_ref, status:"decided"|"pending", …the decision fields}}`, the
 * decision fields being the webhook's (decision, ocr_confidence, risk_flags, extracted, payout_id).
 *
 * Scenarios (what the next claims get, until changed or reset), set by
 * `POST /sandbox/assurify/_scenarios {"claims": "<scenario>"}` (assurify-scenarios.ts).
 */
import { randomBytes } from 'node:crypto';
import { Hono } from 'hono';
import { assurifyError } from './assurify-auth.ts';
import { checkImage, IMAGE_FIELDS } from './assurify-claim-images.ts';
import type { ClaimScenario } from './assurify-scenarios.ts';
import { scheduleEvent, type WebhookTarget } from './assurify-webhook-sender.ts';

export interface SandboxPolicy {
  subscription_id: string;
  imei: string;
  coverage_type: 'EW' | 'ADLD' | 'SCREEN';
  activated_at: string;
  ends_at: string;
}

export interface SandboxClaim {
  claim_id: string;
  claim_ref: string;
  status: 'pending' | 'decided';
  decision: {
    decision: 'APPROVED' | 'REJECTED';
    ocr_confidence: number;
    risk_flags: string[];
    extracted: Record<string, unknown>;
    payout_id: string | null;
  };
  decideAt: number;
}

export interface ClaimsSandboxContext {
  /** The device of a live session: null where unknown or expired (the caller answers why). */
  sessionDevice(token: string): { imei: string } | { error: 'session_not_found' | 'session_expired' };
  policyFor(imei: string): SandboxPolicy | undefined;
  claims: Map<string, SandboxClaim>;
  scenario(): ClaimScenario;
  webhook: WebhookTarget;
  /** How long a `pending_then_*` claim waits for its decision ("typically within 30 seconds"). */
  decisionDelayMs: number;
  /** How long after an immediate decision its event is sent (as `policy.activated`'s delay). */
  eventDelayMs: number;
  save(): void;
}

export const CLAIM_TYPES: Record<SandboxPolicy['coverage_type'], string[]> = {
  EW: ['breakdown'],
  ADLD: ['accidental_damage', 'liquid_damage', 'screen_damage'],
  SCREEN: ['screen_damage'],
};
const ALL_TYPES = [...new Set(Object.values(CLAIM_TYPES).flat())];
const MODES = ['AUTO', 'STRICT', 'LENIENT'];
const CLAIM_REF = /^clm_[A-Za-z0-9]{6,40}$/;

const upper = (length: number) => randomBytes(length).toString('hex').toUpperCase().slice(0, length);

function decisionFor(approved: boolean): SandboxClaim['decision'] {
  return approved
    ? {
        decision: 'APPROVED',
        ocr_confidence: 0.94,
        risk_flags: ['amount_above_threshold'],
        extracted: { vendor: 'Croma Retail Ltd.', amount: 8450.0, invoice: `INV-${upper(8)}` },
        payout_id: `pay_${upper(8)}`,
      }
    : {
        decision: 'REJECTED',
        ocr_confidence: 0.41,
        risk_flags: ['invoice_vendor_unverified', 'serial_mismatch'],
        extracted: { vendor: 'Unknown', amount: 21999.0, invoice: null },
        payout_id: null,
      };
}

/** The claim as `data` of the verify answer, the status answer and the event. */
function claimData(claim: SandboxClaim) {
  const decided = claim.status === 'decided' ? claim.decision : {};
  return { claim_id: claim.claim_id, claim_ref: claim.claim_ref, status: claim.status, ...decided };
}

export function assurifyClaimRoutes(context: ClaimsSandboxContext): Hono {
  const decide = (claim: SandboxClaim, eventDelayMs = 0) => {
    claim.status = 'decided';
    context.save();
    scheduleEvent(context.webhook, { type: 'claim.decision', data: { claim_ref: claim.claim_ref, ...claim.decision } }, eventDelayMs);
  };
  /** A pending claim whose time has come is decided on read too, so polling works without the timer. */
  const current = (claim: SandboxClaim) => {
    if (claim.status === 'pending' && claim.decideAt <= Date.now()) decide(claim);
    return claim;
  };

  return new Hono()
    .post('/v1/claims/ocr/verify', async (http) => {
      let body: Record<string, unknown>;
      try {
        const parsed = await http.req.json();
        if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('not an object');
        body = parsed as Record<string, unknown>;
      } catch {
        return assurifyError(http, 400, 'invalid_request', 'Body must be a JSON object');
      }
      const { session_token: token, claim_ref: claimRef, claim_type: claimType, mode, images } = body;
      if (typeof token !== 'string' || token === '') return assurifyError(http, 400, 'invalid_request', 'session_token is required');
      if (typeof claimRef !== 'string' || !CLAIM_REF.test(claimRef))
        return assurifyError(http, 400, 'invalid_claim_ref', 'claim_ref must be your claim reference, prefixed clm_');
      if (typeof claimType !== 'string' || !ALL_TYPES.includes(claimType))
        return assurifyError(http, 400, 'invalid_claim_type', `claim_type must be one of ${ALL_TYPES.join(', ')}`);
      if (typeof mode !== 'string' || !MODES.includes(mode))
        return assurifyError(http, 400, 'invalid_mode', 'mode must be AUTO, STRICT or LENIENT');
      if (!images || typeof images !== 'object' || Array.isArray(images))
        return assurifyError(http, 400, 'missing_image', 'images.invoice and images.front_panel are required (base64)');
      for (const field of IMAGE_FIELDS) {
        const check = checkImage(field, (images as Record<string, unknown>)[field]);
        if (!check.ok) return http.json({ status: 'error', error: { code: check.code, message: check.message } }, check.status);
      }
      const device = context.sessionDevice(token);
      if ('error' in device)
        return device.error === 'session_expired'
          ? assurifyError(http, 410, 'session_expired', 'Session has expired; start a new one')
          : assurifyError(http, 404, 'session_not_found', 'Unknown session_token');
      const policy = context.policyFor(device.imei);
      if (!policy) return assurifyError(http, 422, 'device_not_covered', 'No SmartShield policy covers the device of this session');
      const scenario = context.scenario();
      if (Date.parse(policy.ends_at) <= Date.now() || scenario === 'cover_ended')
        return assurifyError(http, 422, 'policy_expired', 'The SmartShield policy for this device has ended');
      if (!CLAIM_TYPES[policy.coverage_type].includes(claimType))
        return assurifyError(http, 422, 'claim_type_not_covered', `The ${policy.coverage_type} policy does not cover ${claimType}`);
      if (context.claims.has(claimRef)) return assurifyError(http, 409, 'duplicate_claim_ref', 'A claim with this claim_ref exists');

      const pending = scenario === 'pending_then_approved' || scenario === 'pending_then_rejected';
      const claim: SandboxClaim = {
        claim_id: `acl_${upper(10)}`,
        claim_ref: claimRef,
        status: 'pending',
        decision: decisionFor(scenario === 'approved' || scenario === 'pending_then_approved'),
        decideAt: Date.now() + (pending ? context.decisionDelayMs : 0),
      };
      context.claims.set(claimRef, claim);
      if (pending) setTimeout(() => void (claim.status === 'pending' && decide(claim)), context.decisionDelayMs).unref();
      else decide(claim, context.eventDelayMs);
      context.save();
      return http.json({ status: 'success', data: claimData(claim) });
    })
    .get('/v1/claims/:id/status', (http) => {
      const id = http.req.param('id');
      const claim = context.claims.get(id) ?? [...context.claims.values()].find((candidate) => candidate.claim_id === id);
      if (!claim) return assurifyError(http, 404, 'claim_not_found', 'Unknown claim id');
      return http.json({ status: 'success', data: claimData(current(claim)) });
    });
}

/**
 * A simulator of Assurify SmartShield, built from /work/shared/providers/assurify-smartshield.txt:
 * device sessions (15 minutes, single-use for a purchase), eligible plans, subscription
 * attach, and a signed `policy.activated` event sent to our webhook shortly after an attach.
 *
 * The doc never shows an error body, a plan object or an event body. The sandbox answers
 * errors as `{"status":"error","error":{"code","message"}}`, plans as in assurify-pricing.ts,
 * and events as `{id, type, created, data: {subscription_id, policy: {…the attach answer}}}` — "the
 * full policy object and subscription_id", sent 150 ms after the attach ("within 200ms").
 * A session is bound to the customer it was opened for: attach with another is `customer_mismatch`.
 *
 * Triggers: a model containing "Drift" is priced 5% higher in every new session for the
 * same IMEI; a model containing "Refurbished" is refused as `device_not_eligible`.
 * Claims (flow 3) are in assurify-claims-sandbox.ts; their outcomes are set at
 * `/sandbox/assurify/_scenarios` (assurify-scenarios.ts).
 */
import { randomBytes } from 'node:crypto';
import { Hono } from 'hono';
import { passesLuhn } from '../../../../contract/schemas.ts';
import { assurifyAuth, assurifyError } from './assurify-auth.ts';
import { plansFor, type SandboxPlan } from './assurify-pricing.ts';
import { assurifyClaimRoutes, type SandboxClaim, type SandboxPolicy } from './assurify-claims-sandbox.ts';
import { scenarioRoutes, type ScenarioState } from './assurify-scenarios.ts';
import { scheduleEvent, type WebhookTarget } from './assurify-webhook-sender.ts';
import { SandboxState } from '../sandbox-state.ts';

export interface AssurifySandboxOptions {
  secretKey: string;
  webhook: WebhookTarget;
  webhookDelayMs?: number;
  sessionTtlMs?: number;
  requestsPerMinute?: number;
  /** Where sessions (and the per-IMEI session count the Drift trigger prices by) outlive a restart. */
  state?: SandboxState;
  /** How long a pending claim waits for its decision (assurify-claims-sandbox.ts). */
  claimDecisionDelayMs?: number;
}

interface Session {
  id: string;
  /** The device the session was opened for: a claim's session must be for the policy's device. */
  imei?: string;
  customer: string;
  expiresAt: number;
  plans: SandboxPlan[];
  used: boolean;
}

const CUSTOMER = /^cust_[A-Za-z0-9_-]{4,64}$/;

function randomId(prefix: string, length: number, upper = false): string {
  const text = randomBytes(length).toString('base64url').replace(/[-_]/g, 'x').slice(0, length);
  return `${prefix}${upper ? text.toUpperCase() : text}`;
}

async function readJsonObject(request: Request): Promise<Record<string, unknown> | null> {
  try {
    const body = await request.json();
    return body && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

export function createAssurifySandbox({
  secretKey,
  webhook,
  webhookDelayMs = 150,
  sessionTtlMs = 15 * 60_000,
  requestsPerMinute = 500,
  state = new SandboxState(),
  claimDecisionDelayMs = 3000,
}: AssurifySandboxOptions): Hono {
  const saved = state.load<{
    sessions: [string, Session][];
    sessionsPerImei: [string, number][];
    policies?: [string, SandboxPolicy][];
    claims?: [string, SandboxClaim][];
    scenarios?: ScenarioState;
  }>();
  const sessions = new Map<string, Session>(saved?.sessions ?? []);
  const sessionsPerImei = new Map<string, number>(saved?.sessionsPerImei ?? []);
  /** Policies by IMEI (the latest), and claims by claim_ref: what the claims flow checks against. */
  const policies = new Map<string, SandboxPolicy>(saved?.policies ?? []);
  const claims = new Map<string, SandboxClaim>(saved?.claims ?? []);
  const scenarios: ScenarioState = saved?.scenarios ?? { claims: 'approved' };
  state.onReset(() => {
    sessions.clear();
    sessionsPerImei.clear();
    policies.clear();
    claims.clear();
    scenarios.claims = 'approved';
  });
  // Sessions that have ended are not worth keeping.
  const save = () => {
    for (const [id, session] of sessions) if (session.expiresAt <= Date.now()) sessions.delete(id);
    state.save({ sessions: [...sessions], sessionsPerImei: [...sessionsPerImei], policies: [...policies], claims: [...claims], scenarios });
  };
  const claimRoutes = assurifyClaimRoutes({
    sessionDevice(token) {
      const session = sessions.get(token);
      if (!session?.imei) return { error: 'session_not_found' };
      return session.expiresAt <= Date.now() ? { error: 'session_expired' } : { imei: session.imei };
    },
    policyFor: (imei) => policies.get(imei),
    claims,
    scenario: () => scenarios.claims,
    webhook,
    decisionDelayMs: claimDecisionDelayMs,
    eventDelayMs: webhookDelayMs,
    save,
  });

  const api = new Hono()
    .use(assurifyAuth({ secretKey, requestsPerMinute }))
    .post('/v1/session/device/init', async (context) => {
      const body = await readJsonObject(context.req.raw);
      if (!body) return assurifyError(context, 400, 'invalid_request', 'Body must be a JSON object');
      const { imei, customer, model = '', geography = 'IN' } = body;
      if (typeof imei !== 'string' || !/^\d{15}$/.test(imei) || !passesLuhn(imei))
        return assurifyError(context, 400, 'invalid_imei', 'imei must be a valid 15-digit GSMA IMEI');
      if (typeof customer !== 'string' || !CUSTOMER.test(customer))
        return assurifyError(context, 400, 'invalid_customer', 'customer must be an id prefixed cust_');
      if (typeof model !== 'string' || typeof geography !== 'string')
        return assurifyError(context, 400, 'invalid_request', 'model and geography must be strings');
      if (geography !== 'IN') return assurifyError(context, 422, 'geography_not_supported', 'SmartShield is available in IN only');
      if (/refurbished/i.test(model)) return assurifyError(context, 422, 'device_not_eligible', 'Device failed hardware verification');
      const previous = sessionsPerImei.get(imei) ?? 0;
      sessionsPerImei.set(imei, previous + 1);
      const plans = plansFor(model, /drift/i.test(model) ? previous * 0.05 : 0);
      const session: Session = { id: randomId('sess_', 8), imei, customer, expiresAt: Date.now() + sessionTtlMs, plans, used: false };
      sessions.set(session.id, session);
      save();
      return context.json({
        status: 'success',
        data: {
          session_id: session.id,
          device_verified: true,
          risk_score: 0.05,
          eligible_products: [...new Set(plans.map((plan) => plan.coverage_type))],
          expires_at: new Date(session.expiresAt).toISOString(),
        },
      });
    })
    .get('/v1/plans/eligible', (context) => {
      const session = sessions.get(context.req.query('session_id') ?? '');
      if (!session) return assurifyError(context, 404, 'session_not_found', 'Unknown session_id');
      if (session.expiresAt <= Date.now()) return assurifyError(context, 410, 'session_expired', 'Session has expired; start a new one');
      return context.json({ status: 'success', data: { session_id: session.id, plans: session.plans } });
    })
    .post('/v1/subscription/attach', async (context) => {
      const body = await readJsonObject(context.req.raw);
      if (!body) return assurifyError(context, 400, 'invalid_request', 'Body must be a JSON object');
      const session = sessions.get(String(body.session_id ?? ''));
      if (!session) return assurifyError(context, 404, 'session_not_found', 'Unknown session_id');
      if (session.expiresAt <= Date.now()) return assurifyError(context, 410, 'session_expired', 'Session has expired; start a new one');
      if (session.used) return assurifyError(context, 409, 'session_consumed', 'Session tokens are single-use across plan purchase');
      if (typeof body.customer !== 'string' || !CUSTOMER.test(body.customer))
        return assurifyError(context, 400, 'invalid_customer', 'customer must be an id prefixed cust_');
      // "bind the selected SmartShield policy ID to the customer record": the session's customer.
      if (body.customer !== session.customer)
        return assurifyError(context, 409, 'customer_mismatch', 'customer is not the one this session was opened for');
      const plan = session.plans.find((candidate) => candidate.plan_id === body.plan_id);
      if (!plan) return assurifyError(context, 422, 'plan_not_eligible', 'plan_id is not eligible for this session');
      session.used = true;
      const activatedAt = new Date();
      if (session.imei) {
        const endsAt = new Date(activatedAt);
        endsAt.setUTCMonth(endsAt.getUTCMonth() + plan.term_months);
        policies.set(session.imei, {
          subscription_id: '',
          imei: session.imei,
          coverage_type: plan.coverage_type,
          activated_at: activatedAt.toISOString(),
          ends_at: endsAt.toISOString(),
        });
      }
      save();
      const subscription = {
        subscription_id: randomId('sub_', 8, true),
        plan_id: plan.plan_id,
        price_inr: plan.premium_inr,
        bharati_valid: plan.bharati_valid,
        activated_at: activatedAt.toISOString(),
      };
      const policy = session.imei ? policies.get(session.imei) : undefined;
      if (policy) policy.subscription_id = subscription.subscription_id;
      save();
      scheduleEvent(
        webhook,
        // The doc's "full policy object": the attach answer, and the customer the policy is bound to
        // (the doc shows no event body; a policy naming its customer is our reading of it).
        {
          type: 'policy.activated',
          data: { subscription_id: subscription.subscription_id, policy: { ...subscription, customer: session.customer } },
        },
        webhookDelayMs,
      );
      // Flat, as the doc's "Response 200 OK" shows it.
      return context.json(subscription);
    })
    .route('/', claimRoutes);

  // The scenario control is ours, not Assurify's: no key, beside the API (assurify-scenarios.ts).
  return new Hono().route('/_scenarios', scenarioRoutes(scenarios, save)).route('/', api);
}

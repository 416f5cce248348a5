/**
 * What the Assurify sandbox decides on the claims it receives, so a salesperson (or a test)
 * can show each outcome. `GET|POST /sandbox/assurify/_scenarios`, no key needed (test mode only):
 *
 *   {"claims": "approved"}               decided at once: APPROVED, with a payout_id (the default)
 *   {"claims": "rejected"}               decided at once: REJECTED, with risk flags as reasons
 *   {"claims": "pending_then_approved"}  status "pending", APPROVED after the decision delay
 *   {"claims": "pending_then_rejected"}  status "pending", REJECTED after the decision delay
 *   {"claims": "cover_ended"}            refused: policy_expired (the claim comes after the cover)
 *
 * A scenario holds until it is changed or the sandbox is reset (`POST /sandbox/_reset`).
 */
import { Hono } from 'hono';

export const claimScenarios = ['approved', 'rejected', 'pending_then_approved', 'pending_then_rejected', 'cover_ended'] as const;
export type ClaimScenario = (typeof claimScenarios)[number];

export interface ScenarioState {
  claims: ClaimScenario;
}

export function scenarioRoutes(state: ScenarioState, save: () => void): Hono {
  return new Hono()
    .get('/', (context) => context.json(state))
    .post('/', async (context) => {
      const body = (await context.req.json().catch(() => null)) as { claims?: unknown } | null;
      const claims = body?.claims;
      if (typeof claims !== 'string' || !(claimScenarios as readonly string[]).includes(claims))
        return context.json({ error: { code: 'invalid_scenario', message: `claims must be one of ${claimScenarios.join(', ')}` } }, 400);
      state.claims = claims as ClaimScenario;
      save();
      return context.json(state);
    });
}

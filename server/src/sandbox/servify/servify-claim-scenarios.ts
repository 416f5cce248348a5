/**
 * What the Servify sandbox does with the claims it receives, so a salesperson (or a test) can
 * show each outcome; the same control as Assurify's sandbox. `GET|POST /sandbox/servify/_scenarios`,
 * no key needed (test mode only):
 *
 *   {"claims": "approved"}     reviewed, approved, repaired: scheduled → in_repair → closed (the default)
 *   {"claims": "rejected"}     reviewed, then rejected with reasons
 *   {"claims": "payout"}       approved and sent for repair, then settled by paying the covered value
 *   {"claims": "slot_taken"}   createClaimRequest: the chosen slot was taken meanwhile (it shows taken after)
 *   {"claims": "cover_ended"}  refused: the loss is outside the contract's cover
 *
 * A scenario holds until changed or the sandbox is reset. One claim can also choose its own by
 * a phrase in its description of loss (servify-claim-timeline.ts, `servifyClaimTriggers`).
 */
import { Hono } from 'hono';

export const servifyClaimScenarios = ['approved', 'rejected', 'payout', 'slot_taken', 'cover_ended'] as const;
export type ServifyClaimScenario = (typeof servifyClaimScenarios)[number];

export function servifyScenarioRoutes(scenario: { get(): ServifyClaimScenario; set(value: ServifyClaimScenario): void }): Hono {
  return new Hono()
    .get('/', (context) => context.json({ claims: scenario.get() }))
    .post('/', async (context) => {
      const body = (await context.req.json().catch(() => null)) as { claims?: unknown } | null;
      const claims = body?.claims;
      if (typeof claims !== 'string' || !(servifyClaimScenarios as readonly string[]).includes(claims))
        return context.json(
          { error: { code: 'invalid_scenario', message: `claims must be one of ${servifyClaimScenarios.join(', ')}` } },
          400,
        );
      scenario.set(claims as ServifyClaimScenario);
      return context.json({ claims: scenario.get() });
    });
}

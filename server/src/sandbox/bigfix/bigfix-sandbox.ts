/**
 * A simulator of BigFix's (Assurify) ADLD and Extended Warranty API, built from
 * /work/shared/providers/bigfix-adld-ew.txt and bigfix-adld-policy.md.
 *
 * Error bodies are our assumption: the doc gives each error's status, Error Type and
 * Description but no body, so the sandbox answers `{ "error": <Error Type>, "message":
 * <Description> }`, adding `supported_products` or field-level `errors` where the doc says the
 * response carries them (see bigfix-error-body.ts).
 */
import { Hono } from 'hono';
import { bigfixApiKeyAuth } from './bigfix-api-key-auth.ts';
import { createBigfixPolicyRoutes } from './bigfix-policy-routes.ts';
import { createBigfixPolicyStore } from './bigfix-policy-store.ts';
import { createBigfixQuoteRoutes } from './bigfix-quote-routes.ts';
import { bigfixRateTable } from './bigfix-rate-table.ts';
import type { SandboxState } from '../sandbox-state.ts';

export { bigfixRateTable } from './bigfix-rate-table.ts';
export type { BigfixErrorBody } from './bigfix-error-body.ts';

export interface BigfixSandboxOptions {
  apiKey: string;
  /** Policy source (partner) names that exist at BigFix; defaults to ["Coverkit"]. */
  accounts?: string[];
  /** Injected so tests can pin policy ids (`B{YYMMDD}…`) and dates. */
  now?: () => Date;
  /** Where policies and id counters are kept across restarts (a policy id is never issued twice). */
  state?: SandboxState;
}

/** Routes are relative; the app mounts this under `/sandbox/bigfix`. State lives per instance. */
export function createBigfixSandbox({ apiKey, accounts = ['Coverkit'], now = () => new Date(), state }: BigfixSandboxOptions): Hono {
  const store = createBigfixPolicyStore(state);
  return new Hono()
    .use(bigfixApiKeyAuth({ apiKey }))
    .route('/', createBigfixQuoteRoutes(bigfixRateTable))
    .route('/', createBigfixPolicyRoutes({ rateTable: bigfixRateTable, accounts, store, now }));
}

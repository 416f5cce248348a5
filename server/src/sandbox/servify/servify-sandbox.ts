/**
 * A simulator of Servify's API, built from /work/shared/providers/servify.txt: signed and
 * encrypted calls, 15-minute sessions, eligibility from a rule table with trigger IMEIs
 * (servify-rules.ts), contracts kept for info, activation and cancel, brand and product
 * masters as the doc lists them, and async createContract answered through our callback.
 */
import { generateKeyPairSync } from 'node:crypto';
import { Hono, type Context } from 'hono';
import { CALLBACK_SIGNATURE_HEADER, signCallback } from '../../providers/servify/servify-callback.ts';
import { importPrivateKey, importPublicKey } from '../../providers/servify/servify-crypto.ts';
import { createServifyClaimRoutes } from './servify-claim-routes.ts';
import { servifyScenarioRoutes } from './servify-claim-scenarios.ts';
import { createClaimsBook } from './servify-claims-book.ts';
import { createServifyContractRoutes } from './servify-contract-routes.ts';
import { createContractBook } from './servify-contracts.ts';
import { reply, success, type ServifySandboxEnvelope } from './servify-envelope.ts';
import { servifySecurity, type ServifySandboxEnv } from './servify-security.ts';
import type { SandboxState } from '../sandbox-state.ts';
import { createServifySessions } from './servify-sessions.ts';
import { splitSandboxState } from './servify-state-sections.ts';

export { servifyEligibilityTriggers, servifyOtherTriggers, servifySandboxPlans } from './servify-rules.ts';
export { servifyClaimTriggers } from './servify-claim-timeline.ts';
export { servifyClaimScenarios } from './servify-claim-scenarios.ts';

export interface ServifySandboxOptions {
  clientId: string;
  clientSignature: string;
  /** The client's public key (PEM): every answer is encrypted to it. */
  clientPublicKey: string;
  /** Servify's private key (PEM); a fresh pair is generated when absent. */
  privateKey?: string;
  /** Where async results are POSTed, signed with `callbackSecret`. */
  callbackUrl?: string;
  callbackSecret?: string;
  /** Delay before a queued contract is processed. */
  callbackDelayMs?: number;
  callsPerMinute?: number;
  now?: () => Date;
  /** Where sold contracts and claims are kept across restarts. */
  state?: SandboxState;
  /** How long a claim stays at each status before the next (servify-claim-timeline.ts). */
  claimStepMs?: number;
}

export function createServifySandbox({
  clientId,
  clientSignature,
  clientPublicKey,
  privateKey = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  }).privateKey,
  callbackUrl,
  callbackSecret,
  callbackDelayMs = 50,
  callsPerMinute = 6000,
  now = () => new Date(),
  state,
  claimStepMs = 30_000,
}: ServifySandboxOptions) {
  const keys = Promise.all([importPrivateKey(privateKey), importPublicKey(clientPublicKey)]).then(([privateKey, clientPublicKey]) => ({
    privateKey,
    clientPublicKey,
  }));
  const sessions = createServifySessions(now);
  const sections = splitSandboxState(state);
  const book = createContractBook(now, sections.contracts);
  const claims = createClaimsBook(now, claimStepMs, sections.claims);
  const respond = async (context: Context, envelope: ServifySandboxEnvelope) => reply(context, envelope, (await keys).clientPublicKey);

  async function deliver(requestCode: string, body: Record<string, unknown>): Promise<void> {
    const outcome = book.create(body);
    if (!callbackUrl || !callbackSecret) return;
    const payload = JSON.stringify({
      requestCode,
      externalReferenceID: body.ExternalReferenceID,
      ...(outcome.success ? { soldPlanCode: (outcome.data as { SoldPlanCode: string }).SoldPlanCode } : { errorCode: outcome.errorCode }),
      success: outcome.success,
      message: outcome.message,
    });
    const headers = { 'Content-Type': 'application/json', [CALLBACK_SIGNATURE_HEADER]: await signCallback(callbackSecret, payload) };
    // Retried on 5xx or no answer, three times, as our callback API asks.
    for (let attempt = 0; attempt < 3; attempt++) {
      const response = await fetch(callbackUrl, { method: 'POST', headers, body: payload }).catch(() => null);
      if (response && response.status < 500) return;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  return (
    new Hono<ServifySandboxEnv>()
      // Test hook, not part of Servify's API: ends every session, as a Servify restart would.
      .post('/Sandbox/expireTokens', (context) => {
        sessions.expireAll();
        return context.json({ expired: true });
      })
      // The salesperson's claim scenarios: ours, not Servify's, so no signature (servify-claim-scenarios.ts).
      .route('/_scenarios', servifyScenarioRoutes(claims.scenario))
      .use(servifySecurity({ clientId, clientSignature, keys, sessions, now, callsPerMinute }))
      .post('/Auth/generateToken', (context) => respond(context, success('Success', sessions.issue())))
      .route(
        '/',
        createServifyContractRoutes({
          book,
          now,
          respond,
          enqueue: (requestCode, body) => void setTimeout(() => void deliver(requestCode, body).catch(() => undefined), callbackDelayMs),
        }),
      )
      .route('/', createServifyClaimRoutes({ contracts: book, claims, now, respond }))
  );
}

/**
 * Servify's part of the environment. Live: every SERVIFY_* value is required and PEM keys
 * must parse. Unset SERVIFY_BASE_URL: the sandbox in this server, with both RSA key pairs
 * (Servify's and ours) generated at start.
 */
import { createPrivateKey, createPublicKey, generateKeyPairSync, randomBytes } from 'node:crypto';
import { z } from 'zod';
import { liveBaseUrl, mustBeLive } from '../kit/live-config.ts';
import type { SharedConfig } from '../types.ts';

export interface ServifyConfig {
  mode: 'sandbox' | 'live';
  /** The part before `/Auth/…`. */
  baseUrl: string;
  clientId: string;
  clientSignature: string;
  xHost: string;
  /** Servify's public key (PEM): our request bodies are encrypted to it. */
  servifyPublicKey: string;
  /** Our private key (PEM): Servify's answers are encrypted to its public half. */
  clientPrivateKey: string;
  planCodes: string[];
  /** Bind through `/Async/Contract/createContract`; the order completes on Servify's callback. */
  asyncBind: boolean;
  /** Shared secret Servify signs its callbacks to `POST /v1/callbacks/servify` with. */
  callbackSecret: string;
  /**
   * Servify's code for the service centre claims are booked at (fetchSlots, createClaimRequest),
   * given at integration; without it claims are raised unscheduled (raiseClaimRequest).
   */
  serviceLocationCode: string | null;
  /** Sandbox mode only: the sandbox's own private key, our public key, and where it calls back. */
  sandbox?: { privateKey: string; clientPublicKey: string; callbackUrl: string; claimStepMs: number };
}

export const SERVIFY_SANDBOX_DEFAULTS = {
  clientId: 'coverkit-sandbox',
  clientSignature: 'sfy_sandbox_signature_7c1e0b5a93d24f6e8a1b2c3d4e5f60718293a4b5c6d7',
  callbackSecret: 'sfy_callback_sandbox_5e2d7a',
  serviceLocationCode: 'SFYBLR01',
} as const;

const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();
const csv = z.string().transform((value) =>
  value
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean),
);

export const servifyEnvironment = {
  SERVIFY_BASE_URL: optionalText.pipe(z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).optional()),
  SERVIFY_CLIENT_ID: optionalText,
  SERVIFY_CLIENT_SIGNATURE: optionalText,
  SERVIFY_X_HOST: optionalText,
  SERVIFY_PUBLIC_KEY: optionalText,
  SERVIFY_CLIENT_PRIVATE_KEY: optionalText,
  SERVIFY_PLAN_CODES: optionalText.pipe(
    csv.pipe(z.array(z.string().regex(/^[A-Za-z0-9_-]{1,40}$/, 'must be comma-separated plan codes')).min(1)).optional(),
  ),
  SERVIFY_ASYNC_BIND: optionalText.pipe(z.enum(['true', 'false'], { error: 'must be true or false' }).optional()),
  SERVIFY_CALLBACK_SECRET: optionalText.pipe(z.string().min(16, 'must be at least 16 characters').optional()),
  SERVIFY_SERVICE_LOCATION_CODE: optionalText.pipe(
    z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,40}$/, 'must be the service location code Servify gave')
      .optional(),
  ),
  /** Sandbox only: how long a sandbox claim stays at each status (default 30 s). */
  SERVIFY_SANDBOX_CLAIM_STEP_MS: z.coerce
    .number({ error: 'must be a number of milliseconds' })
    .int()
    .min(1)
    .max(86_400_000)
    .default(30_000),
};

export type ServifyEnvironment = z.infer<z.ZodObject<typeof servifyEnvironment>>;

export function readServifyConfig(env: ServifyEnvironment, shared: SharedConfig): ServifyConfig {
  const { sandboxUrl, ownBase, fail } = shared;
  // Live: the base URL must be https; the credentials are then required below, as for any real Servify.
  if (mustBeLive(shared)) liveBaseUrl(shared, 'SERVIFY_BASE_URL', env.SERVIFY_BASE_URL);
  const common = {
    planCodes: env.SERVIFY_PLAN_CODES ?? ['SFYADLD01', 'SFYEW01'],
    asyncBind: env.SERVIFY_ASYNC_BIND === 'true',
  };
  const serviceLocationCode = env.SERVIFY_SERVICE_LOCATION_CODE ?? null;
  if (env.SERVIFY_BASE_URL) {
    const required = (value: string | undefined, name: string, why = 'is required when SERVIFY_BASE_URL is set') =>
      value || fail(name, why);
    /** Env files often carry PEM text with literal `\n`; a key that does not parse is named, never echoed. */
    const pem = (name: 'SERVIFY_PUBLIC_KEY' | 'SERVIFY_CLIENT_PRIVATE_KEY', kind: 'public' | 'private') => {
      const text = required(env[name], name).replace(/\\n/g, '\n');
      let type: string | undefined;
      try {
        type = (kind === 'public' ? createPublicKey(text) : createPrivateKey(text)).asymmetricKeyType;
      } catch {
        type = undefined;
      }
      return type === 'rsa' ? text : fail(name, `must be an RSA ${kind} key in PEM form`);
    };
    return {
      ...common,
      mode: 'live',
      serviceLocationCode,
      baseUrl: env.SERVIFY_BASE_URL.replace(/\/$/, ''),
      clientId: required(env.SERVIFY_CLIENT_ID, 'SERVIFY_CLIENT_ID'),
      clientSignature: required(env.SERVIFY_CLIENT_SIGNATURE, 'SERVIFY_CLIENT_SIGNATURE'),
      xHost: required(env.SERVIFY_X_HOST, 'SERVIFY_X_HOST'),
      servifyPublicKey: pem('SERVIFY_PUBLIC_KEY', 'public'),
      clientPrivateKey: pem('SERVIFY_CLIENT_PRIVATE_KEY', 'private'),
      // Without async binds no callback is expected: a random secret makes every callback fail verification.
      callbackSecret: common.asyncBind
        ? required(
            env.SERVIFY_CALLBACK_SECRET,
            'SERVIFY_CALLBACK_SECRET',
            'is required when SERVIFY_BASE_URL is set and SERVIFY_ASYNC_BIND=true',
          )
        : (env.SERVIFY_CALLBACK_SECRET ?? randomBytes(32).toString('base64url')),
    };
  }
  const keys = sandboxKeyPairs();
  return {
    ...common,
    mode: 'sandbox',
    serviceLocationCode: serviceLocationCode ?? SERVIFY_SANDBOX_DEFAULTS.serviceLocationCode,
    baseUrl: sandboxUrl,
    clientId: env.SERVIFY_CLIENT_ID ?? SERVIFY_SANDBOX_DEFAULTS.clientId,
    clientSignature: env.SERVIFY_CLIENT_SIGNATURE ?? SERVIFY_SANDBOX_DEFAULTS.clientSignature,
    xHost: env.SERVIFY_X_HOST ?? 'localhost',
    servifyPublicKey: keys.servify.publicKey,
    clientPrivateKey: keys.client.privateKey,
    callbackSecret: env.SERVIFY_CALLBACK_SECRET ?? SERVIFY_SANDBOX_DEFAULTS.callbackSecret,
    sandbox: {
      privateKey: keys.servify.privateKey,
      clientPublicKey: keys.client.publicKey,
      callbackUrl: `${ownBase}/v1/callbacks/servify`,
      claimStepMs: env.SERVIFY_SANDBOX_CLAIM_STEP_MS,
    },
  };
}

type PemPair = { publicKey: string; privateKey: string };
/** Generating two RSA pairs costs ~0.2 s; one set per process keeps test servers quick to start. */
let sandboxKeys: { servify: PemPair; client: PemPair } | undefined;
function sandboxKeyPairs() {
  const generate = (): PemPair =>
    generateKeyPairSync('rsa', {
      modulusLength: 2048,
      publicKeyEncoding: { type: 'spki', format: 'pem' },
      privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    });
  return (sandboxKeys ??= { servify: generate(), client: generate() });
}

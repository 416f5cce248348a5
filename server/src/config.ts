/**
 * The environment, validated once at start. A bad or missing value stops the server
 * with a message that names the variable. A provider whose `*_BASE_URL` is unset uses
 * its sandbox, mounted in this same server, over real HTTP.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { ProviderId } from '../../contract/types.ts';
import { assurifyEnvironment, readAssurifyConfig, type AssurifyConfig } from './providers/assurify/assurify-config.ts';
import { octamileEnvironment, readOctamileConfig, type OctamileConfig } from './providers/octamile/octamile-config.ts';
import { servifyConfig, type ServifyConfig } from './providers/servify/servify-config.ts';
import { parseDataKey } from './store/field-cipher.ts';

export type { ServifyConfig } from './providers/servify/servify-config.ts';

export interface Merchant {
  id: string;
  name: string;
  publishableKey: string;
  secretKey: string;
  allowedOrigins: string[];
  providers: ProviderId[];
}

export interface BigfixConfig {
  mode: 'sandbox' | 'live';
  baseUrl: string;
  apiKey: string;
  policySource: string;
}

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  merchants: Merchant[];
  quoteTimeoutMs: number;
  bindTimeoutMs: number;
  offerTtlMs: number;
  /** Key for personal data at rest; null: the embedded store keeps a key file of its own. */
  dataKey: Buffer | null;
  rateLimitPerMinute: number;
  reconcileIntervalMs: number;
  providers: { bigfix: BigfixConfig; assurify: AssurifyConfig; octamile: OctamileConfig; servify: ServifyConfig };
  /** Largest activation video accepted by POST /v1/orders/{id}/activation. */
  activationVideoMaxBytes: number;
  /** Mount the sandboxes and the demo shop (true unless every provider is live). */
  serveSandboxes: boolean;
  serveDemo: boolean;
}

export const SANDBOX_KEYS = {
  bigfix: 'bfx_sandbox_4f6a1c2d9e',
  servifyClientId: 'coverkit-sandbox',
  servifyClientSignature: 'sfy_sandbox_signature_7c1e0b5a93d24f6e8a1b2c3d4e5f60718293a4b5c6d7',
  servifyCallbackSecret: 'sfy_callback_sandbox_5e2d7a',
} as const;

const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();
const url = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' });
const millis = z.coerce.number({ error: 'must be a number of milliseconds' }).int().min(100).max(600_000);
const csv = z.string().transform((value) =>
  value
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean),
);

const environmentSchema = z.object({
  PORT: z.coerce.number({ error: 'must be a port number' }).int().min(0).max(65535).default(8787),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: optionalText.pipe(
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
      .optional(),
  ),
  COVERKIT_DATA_DIR: optionalText,
  COVERKIT_PUBLISHABLE_KEY: optionalText.pipe(
    z
      .string()
      .regex(/^pk_(test|live)_[A-Za-z0-9_]{4,}$/, 'must look like pk_test_… or pk_live_…')
      .optional(),
  ),
  COVERKIT_SECRET_KEY: optionalText.pipe(
    z
      .string()
      .regex(/^sk_(test|live)_[A-Za-z0-9_]{4,}$/, 'must look like sk_test_… or sk_live_…')
      .optional(),
  ),
  COVERKIT_ALLOWED_ORIGINS: optionalText.pipe(csv.pipe(z.array(z.url({ error: 'must be a comma-separated list of origins' }))).optional()),
  COVERKIT_MERCHANTS_FILE: optionalText,
  COVERKIT_QUOTE_TIMEOUT_MS: millis.default(8000),
  COVERKIT_BIND_TIMEOUT_MS: millis.default(20_000),
  COVERKIT_OFFER_TTL_MS: millis.default(30 * 60_000),
  COVERKIT_DATA_KEY: optionalText.pipe(
    z
      .string()
      .refine((value) => parseDataKey(value) !== null, 'must be 32 bytes as base64, or 64 hex digits (openssl rand -base64 32)')
      .optional(),
  ),
  COVERKIT_RATE_LIMIT_PER_MINUTE: z.coerce.number({ error: 'must be a number' }).int().min(1).max(1_000_000).default(600),
  COVERKIT_RECONCILE_INTERVAL_MS: millis.default(30_000),
  BIGFIX_BASE_URL: optionalText.pipe(url.optional()),
  BIGFIX_API_KEY: optionalText,
  BIGFIX_POLICY_SOURCE: optionalText,
  COVERKIT_ACTIVATION_VIDEO_MAX_BYTES: z.coerce
    .number({ error: 'must be a number of bytes' })
    .int()
    .min(1024)
    .max(1024 * 1024 * 1024)
    .default(50 * 1024 * 1024),
  ...assurifyEnvironment,
  ...octamileEnvironment,
  SERVIFY_BASE_URL: optionalText.pipe(url.optional()),
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
});

const merchantsFileSchema = z.array(
  z.object({
    id: z.string().regex(/^[a-z0-9_-]{1,40}$/),
    name: z.string().min(1),
    publishableKey: z.string().regex(/^pk_(test|live)_[A-Za-z0-9_]{4,}$/),
    secretKey: z.string().regex(/^sk_(test|live)_[A-Za-z0-9_]{4,}$/),
    allowedOrigins: z.array(z.url()),
    providers: z.array(z.enum(['assurify', 'bigfix', 'servify', 'octamile'])).min(1),
  }),
);

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Reads the environment into a Config, or throws a ConfigError naming each bad variable. */
export function loadConfig(environment: Record<string, string | undefined> = process.env): Config {
  const parsed = environmentSchema.safeParse(environment);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n  ${lines.join('\n  ')}`);
  }
  const env = parsed.data;
  const ownOrigins = [`http://localhost:${env.PORT}`, `http://127.0.0.1:${env.PORT}`];
  const sandboxBase = `http://127.0.0.1:${env.PORT}/sandbox`;

  const bigfix: BigfixConfig = env.BIGFIX_BASE_URL
    ? {
        mode: 'live',
        baseUrl: env.BIGFIX_BASE_URL.replace(/\/$/, ''),
        apiKey: required(env.BIGFIX_API_KEY, 'BIGFIX_API_KEY', 'is required when BIGFIX_BASE_URL is set'),
        policySource: required(env.BIGFIX_POLICY_SOURCE, 'BIGFIX_POLICY_SOURCE', 'is required when BIGFIX_BASE_URL is set'),
      }
    : {
        mode: 'sandbox',
        baseUrl: `${sandboxBase}/bigfix`,
        apiKey: env.BIGFIX_API_KEY ?? SANDBOX_KEYS.bigfix,
        policySource: env.BIGFIX_POLICY_SOURCE ?? 'Coverkit',
      };

  const servify = servifyConfig(env, {
    sandboxBase,
    ownBase: `http://127.0.0.1:${env.PORT}`,
    sandboxDefaults: SANDBOX_KEYS,
    fail: (name, why) => {
      throw new ConfigError(`Invalid configuration:\n  ${name}: ${why}`);
    },
  });

  const defaultMerchant: Merchant = {
    id: 'default',
    name: 'Demo Electronics',
    publishableKey: env.COVERKIT_PUBLISHABLE_KEY ?? 'pk_test_demo',
    secretKey: env.COVERKIT_SECRET_KEY ?? 'sk_test_demo',
    allowedOrigins: env.COVERKIT_ALLOWED_ORIGINS ?? ownOrigins,
    providers: ['bigfix', 'assurify', 'servify', 'octamile'],
  };
  const fail = (name: string, why: string): never => {
    throw new ConfigError(`Invalid configuration:\n  ${name}: ${why}`);
  };
  const assurify = readAssurifyConfig(env, { port: env.PORT, fail });
  const octamile = readOctamileConfig(env, { port: env.PORT, fail });
  const merchants = env.COVERKIT_MERCHANTS_FILE ? readMerchantsFile(env.COVERKIT_MERCHANTS_FILE) : [defaultMerchant];

  return {
    port: env.PORT,
    host: env.HOST,
    dataDir: path.resolve(env.COVERKIT_DATA_DIR ?? './data'),
    databaseUrl: env.DATABASE_URL,
    merchants,
    quoteTimeoutMs: env.COVERKIT_QUOTE_TIMEOUT_MS,
    bindTimeoutMs: env.COVERKIT_BIND_TIMEOUT_MS,
    offerTtlMs: env.COVERKIT_OFFER_TTL_MS,
    dataKey: env.COVERKIT_DATA_KEY ? parseDataKey(env.COVERKIT_DATA_KEY) : null,
    rateLimitPerMinute: env.COVERKIT_RATE_LIMIT_PER_MINUTE,
    reconcileIntervalMs: env.COVERKIT_RECONCILE_INTERVAL_MS,
    providers: { bigfix, assurify, octamile, servify },
    activationVideoMaxBytes: env.COVERKIT_ACTIVATION_VIDEO_MAX_BYTES,
    serveSandboxes: [bigfix, assurify, octamile, servify].some((provider) => provider.mode === 'sandbox'),
    serveDemo: true,
  };
}

function required(value: string | undefined, name: string, why: string): string {
  if (!value) throw new ConfigError(`Invalid configuration:\n  ${name}: ${why}`);
  return value;
}

function readMerchantsFile(file: string): Merchant[] {
  let content: unknown;
  try {
    content = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ConfigError(`Invalid configuration:\n  COVERKIT_MERCHANTS_FILE: cannot read ${file} as JSON (${(error as Error).message})`);
  }
  const parsed = merchantsFileSchema.safeParse(content);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `COVERKIT_MERCHANTS_FILE: [${issue.path.join('.')}] ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n  ${lines.join('\n  ')}`);
  }
  const keys = new Set<string>();
  for (const merchant of parsed.data) {
    for (const key of [merchant.publishableKey, merchant.secretKey]) {
      if (keys.has(key)) throw new ConfigError(`Invalid configuration:\n  COVERKIT_MERCHANTS_FILE: merchant ${merchant.id} reuses a key`);
      keys.add(key);
    }
  }
  return parsed.data;
}

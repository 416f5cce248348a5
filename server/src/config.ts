/**
 * The environment, validated once at start. A bad or missing value stops the server
 * with a message that names the variable. A provider whose `*_BASE_URL` is unset uses
 * its sandbox, mounted in this same server, over real HTTP.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { ProviderId } from '../../contract/types.ts';
import { readOperatorToken } from './operator/operator-token.ts';
import { providerRegistry, type ProviderConfigs, type ProviderRegistry } from './providers/registry.ts';
import type { SharedConfig } from './providers/types.ts';
import { parseDataKey } from './store/field-cipher.ts';

export type { AssurifyConfig } from './providers/assurify/assurify-config.ts';
export type { BigfixConfig } from './providers/bigfix/bigfix-config.ts';
export type { OctamileConfig } from './providers/octamile/octamile-config.ts';
export type { ServifyConfig } from './providers/servify/servify-config.ts';
export type { ProviderConfigs } from './providers/registry.ts';

export interface Merchant {
  id: string;
  name: string;
  publishableKey: string;
  secretKey: string;
  allowedOrigins: string[];
  providers: ProviderId[];
  /** Where Coverkit POSTs this merchant's signed events; none: events are listed, never sent. */
  webhookUrl?: string;
  /** The HMAC key of `Coverkit-Signature` on those events. */
  webhookSecret?: string;
}

export interface Config {
  /** `COVERKIT_MODE`: test (sandboxes, demo, test keys) or live (live keys and providers only). */
  mode: 'test' | 'live';
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
  /** Proxies in front of the server whose X-Forwarded-For entry names the client (0: none). */
  trustedProxies: number;
  reconcileIntervalMs: number;
  /** Each provider module's own config, by provider id (the module reads its own variables). */
  providers: ProviderConfigs;
  /** Largest activation video accepted by POST /v1/orders/{id}/activation. */
  activationVideoMaxBytes: number;
  /** Mount the sandboxes and their fault controls: test mode, with a provider in sandbox mode. */
  serveSandboxes: boolean;
  /** Mount the demo shop and its merchant routes: test mode only. */
  serveDemo: boolean;
  /** `COVERKIT_METRICS_TOKEN`: in live mode, GET /metrics needs it as a Bearer token (unset: this machine only). */
  metricsToken?: string | undefined;
  /** `COVERKIT_DATABASE_SCHEMA`: the PostgreSQL schema to use (unset: the connection's default, `public`). */
  databaseSchema?: string | undefined;
  /** How long a reconciler's claim on an order lasts before another instance may take it over. */
  reconcileLeaseMs?: number;
  /** `COVERKIT_OPERATOR_TOKEN` (test default `op_test_demo`); null: the operator console is not mounted. */
  operatorToken?: string | null;
  /** Deadline of one POST of an event to a merchant's webhook endpoint. */
  webhookTimeoutMs: number;
}

const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();
const millis = z.coerce.number({ error: 'must be a number of milliseconds' }).int().min(100).max(600_000);
const PUBLISHABLE_KEY = /^pk_(test|live)_[A-Za-z0-9_]{4,}$/;
const SECRET_KEY = /^sk_(test|live)_[A-Za-z0-9_]{4,}$/;
/**
 * An origin as browsers send it: scheme, host, port and nothing else. `https://shop.example/`
 * (a trailing slash) is normalised to `https://shop.example`; a path, query or credentials are refused.
 */
const origin = z.string().transform((value, context) => {
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  if (!url || !/^https?:$/.test(url.protocol) || url.pathname !== '/' || url.search || url.hash || url.username || url.password) {
    context.addIssue({
      code: 'custom',
      message: `must be origins like https://shop.example (scheme, host and port only; got ${JSON.stringify(value.slice(0, 80))})`,
    });
    return z.NEVER;
  }
  return url.origin;
});
const webhookUrl = z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' });
const webhookSecret = z.string().min(16, 'must be at least 16 characters (openssl rand -hex 32)');
/** The demo shop's own webhook endpoint, the default merchant's in test mode (demo/merchant-routes.ts). */
export const DEMO_WEBHOOK_PATH = '/demo/api/webhooks/coverkit';
/** Public, like the demo keys: test mode only. */
export const DEMO_WEBHOOK_SECRET = 'whsec_test_demo_coverkit';
const csv = z.string().transform((value) =>
  value
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean),
);

/** The shared environment; each provider module adds its own variables (providers/<id>/<id>-config.ts). */
const sharedEnvironment = {
  COVERKIT_MODE: optionalText.pipe(z.enum(['test', 'live'], { error: 'must be test or live' }).default('test')),
  PORT: z.coerce.number({ error: 'must be a port number' }).int().min(0).max(65535).default(8787),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: optionalText.pipe(
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
      .optional(),
  ),
  COVERKIT_DATA_DIR: optionalText,
  COVERKIT_PUBLISHABLE_KEY: optionalText.pipe(z.string().regex(PUBLISHABLE_KEY, 'must look like pk_test_… or pk_live_…').optional()),
  COVERKIT_SECRET_KEY: optionalText.pipe(z.string().regex(SECRET_KEY, 'must look like sk_test_… or sk_live_…').optional()),
  COVERKIT_ALLOWED_ORIGINS: optionalText.pipe(csv.pipe(z.array(origin).min(1, 'must list at least one origin')).optional()),
  /** The default merchant's providers (comma-separated ids); unset: every registered provider. */
  COVERKIT_PROVIDERS: optionalText.pipe(csv.optional()),
  COVERKIT_MERCHANTS_FILE: optionalText,
  COVERKIT_QUOTE_TIMEOUT_MS: millis.default(8000),
  COVERKIT_BIND_TIMEOUT_MS: millis.default(20_000),
  // Offers live longer than any provider call: up to a day, 30 minutes by default (as documented).
  COVERKIT_OFFER_TTL_MS: z.coerce
    .number({ error: 'must be a number of milliseconds' })
    .int()
    .min(1000)
    .max(24 * 60 * 60_000)
    .default(30 * 60_000),
  COVERKIT_DATA_KEY: optionalText.pipe(
    z
      .string()
      .refine((value) => parseDataKey(value) !== null, 'must be 32 bytes as base64, or 64 hex digits (openssl rand -base64 32)')
      .optional(),
  ),
  COVERKIT_RATE_LIMIT_PER_MINUTE: z.coerce.number({ error: 'must be a number' }).int().min(1).max(1_000_000).default(600),
  COVERKIT_TRUSTED_PROXIES: z.coerce.number({ error: 'must be a number of proxies (0 to 10)' }).int().min(0).max(10).default(0),
  COVERKIT_RECONCILE_INTERVAL_MS: millis.default(30_000),
  COVERKIT_WEBHOOK_URL: optionalText.pipe(webhookUrl.optional()),
  COVERKIT_WEBHOOK_SECRET: optionalText.pipe(webhookSecret.optional()),
  COVERKIT_WEBHOOK_TIMEOUT_MS: millis.default(10_000),
  COVERKIT_ACTIVATION_VIDEO_MAX_BYTES: z.coerce
    .number({ error: 'must be a number of bytes' })
    .int()
    .min(1024)
    .max(1024 * 1024 * 1024)
    .default(50 * 1024 * 1024),
  COVERKIT_METRICS_TOKEN: optionalText.pipe(z.string().min(16, 'must be at least 16 characters (openssl rand -hex 24)').optional()),
  COVERKIT_DATABASE_SCHEMA: optionalText.pipe(
    z
      .string()
      .regex(/^[a-z_][a-z0-9_]{0,62}$/, 'must be a plain lowercase PostgreSQL identifier')
      .optional(),
  ),
  COVERKIT_RECONCILE_LEASE_MS: millis.optional(),
  COVERKIT_OPERATOR_TOKEN: optionalText,
};

const merchantsFileSchema = (providerIds: [string, ...string[]]) =>
  z.array(
    z.object({
      id: z.string().regex(/^[a-z0-9_-]{1,40}$/),
      name: z.string().min(1),
      publishableKey: z.string().regex(PUBLISHABLE_KEY),
      secretKey: z.string().regex(SECRET_KEY),
      allowedOrigins: z.array(origin),
      providers: z.array(z.enum(providerIds)).min(1),
      webhookUrl: webhookUrl.optional(),
      webhookSecret: webhookSecret.optional(),
    }),
  );

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export interface LoadConfigOptions {
  /** The provider modules to configure (default: the registry); tests add fakes. */
  providers?: ProviderRegistry;
}

/** Reads the environment into a Config, or throws a ConfigError naming each bad variable. */
export function loadConfig(
  environment: Record<string, string | undefined> = process.env,
  { providers = providerRegistry }: LoadConfigOptions = {},
): Config {
  const ids = providers.map((provider) => provider.id);
  if (ids.length === 0 || new Set(ids).size !== ids.length) {
    throw new ConfigError(`Invalid configuration:\n  providers: need at least one, each id once (got ${ids.join(', ') || 'none'})`);
  }
  const environmentSchema = z.object(Object.assign({}, sharedEnvironment, ...providers.map((provider) => provider.environment)));
  const parsed = environmentSchema.safeParse(environment);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n  ${lines.join('\n  ')}`);
  }
  // The shared part is typed here; each module reads its own part in `readConfig`.
  const env = parsed.data as z.infer<z.ZodObject<typeof sharedEnvironment>> & Record<string, unknown>;
  const mode = env.COVERKIT_MODE;
  const ownOrigins = [`http://localhost:${env.PORT}`, `http://127.0.0.1:${env.PORT}`];
  const fail = (name: string, why: string): never => {
    throw new ConfigError(`Invalid configuration:\n  ${name}: ${why}`);
  };

  const merchants = env.COVERKIT_MERCHANTS_FILE
    ? readMerchantsFile(env.COVERKIT_MERCHANTS_FILE, ids as [string, ...string[]])
    : [defaultMerchant(env, ids, ownOrigins, fail)];
  checkMerchantsForMode(mode, merchants, env.COVERKIT_MERCHANTS_FILE ? 'COVERKIT_MERCHANTS_FILE' : null, fail);
  if (mode === 'live' && !env.COVERKIT_DATA_KEY) {
    fail('COVERKIT_DATA_KEY', 'is required in live mode (COVERKIT_MODE=live): 32 bytes as base64 (openssl rand -base64 32)');
  }
  // Instances sharing one database must share one key: a key file of each instance's own
  // would leave every instance unable to read the others' orders.
  if (env.DATABASE_URL && !env.COVERKIT_DATA_KEY) {
    fail('COVERKIT_DATA_KEY', 'is required with DATABASE_URL, the same on every instance: 32 bytes as base64 (openssl rand -base64 32)');
  }

  const used = new Set(merchants.flatMap((merchant) => merchant.providers));
  const ownBase = `http://127.0.0.1:${env.PORT}`;
  const configs: Record<string, { mode: 'sandbox' | 'live' }> = {};
  for (const provider of providers) {
    const shared: SharedConfig = {
      port: env.PORT,
      mode,
      used: used.has(provider.id),
      ownBase,
      sandboxUrl: `${ownBase}/sandbox/${provider.id}`,
      fail,
    };
    configs[provider.id] = provider.readConfig(env, shared);
  }

  return {
    mode,
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
    trustedProxies: env.COVERKIT_TRUSTED_PROXIES,
    reconcileIntervalMs: env.COVERKIT_RECONCILE_INTERVAL_MS,
    providers: configs as ProviderConfigs,
    activationVideoMaxBytes: env.COVERKIT_ACTIVATION_VIDEO_MAX_BYTES,
    // Live mode never mounts a simulator, its fault controls or the demo shop (which holds a secret key).
    serveSandboxes: mode === 'test' && Object.values(configs).some((provider) => provider.mode === 'sandbox'),
    serveDemo: mode === 'test',
    metricsToken: env.COVERKIT_METRICS_TOKEN,
    databaseSchema: env.COVERKIT_DATABASE_SCHEMA,
    // Longer than one order's reconcile (a status call and a bind), so a live claim never lapses mid-work.
    reconcileLeaseMs: env.COVERKIT_RECONCILE_LEASE_MS ?? env.COVERKIT_BIND_TIMEOUT_MS + env.COVERKIT_QUOTE_TIMEOUT_MS + 10_000,
    operatorToken: readOperatorToken(mode, env.COVERKIT_OPERATOR_TOKEN, fail),
    webhookTimeoutMs: env.COVERKIT_WEBHOOK_TIMEOUT_MS,
  };
}

type SharedEnvironment = z.infer<z.ZodObject<typeof sharedEnvironment>>;

/** The merchant of COVERKIT_PUBLISHABLE_KEY/COVERKIT_SECRET_KEY; test mode falls back to the public demo keys. */
function defaultMerchant(
  env: SharedEnvironment,
  ids: string[],
  ownOrigins: string[],
  fail: (name: string, why: string) => never,
): Merchant {
  const live = env.COVERKIT_MODE === 'live';
  const required = 'is required in live mode (COVERKIT_MODE=live)';
  // The demo keys are public: in live mode anyone could use them (and forge offers signed with them).
  if (live && !env.COVERKIT_PUBLISHABLE_KEY) fail('COVERKIT_PUBLISHABLE_KEY', `${required}: a pk_live_… key`);
  if (live && !env.COVERKIT_SECRET_KEY) fail('COVERKIT_SECRET_KEY', `${required}: an sk_live_… key`);
  if (live && !env.COVERKIT_ALLOWED_ORIGINS) fail('COVERKIT_ALLOWED_ORIGINS', `${required}: your shop's https:// origins`);
  const providers = env.COVERKIT_PROVIDERS ?? ids;
  const unknown = providers.filter((id) => !ids.includes(id));
  if (unknown.length > 0 || providers.length === 0) fail('COVERKIT_PROVIDERS', `must be a comma-separated list of ${ids.join(', ')}`);
  return {
    id: 'default',
    name: 'Demo Electronics',
    publishableKey: env.COVERKIT_PUBLISHABLE_KEY ?? 'pk_test_demo',
    secretKey: env.COVERKIT_SECRET_KEY ?? 'sk_test_demo',
    allowedOrigins: env.COVERKIT_ALLOWED_ORIGINS ?? ownOrigins,
    providers: providers as ProviderId[],
    ...defaultWebhook(env, fail),
  };
}

/**
 * COVERKIT_WEBHOOK_URL/SECRET; in test mode without a URL, the demo shop's own endpoint on this
 * server, so the demo's merchant server learns of every change the way a real one would.
 */
function defaultWebhook(
  env: SharedEnvironment,
  fail: (name: string, why: string) => never,
): Pick<Merchant, 'webhookUrl' | 'webhookSecret'> {
  if (!env.COVERKIT_WEBHOOK_URL) {
    if (env.COVERKIT_MODE === 'live') return {};
    return {
      webhookUrl: `http://127.0.0.1:${env.PORT}${DEMO_WEBHOOK_PATH}`,
      webhookSecret: env.COVERKIT_WEBHOOK_SECRET ?? DEMO_WEBHOOK_SECRET,
    };
  }
  if (!env.COVERKIT_WEBHOOK_SECRET) fail('COVERKIT_WEBHOOK_SECRET', 'is required with COVERKIT_WEBHOOK_URL (openssl rand -hex 32)');
  return { webhookUrl: env.COVERKIT_WEBHOOK_URL, webhookSecret: env.COVERKIT_WEBHOOK_SECRET };
}

/** Test mode takes only test keys and live mode only live keys (https origins too), so the two never mix. */
function checkMerchantsForMode(
  mode: 'test' | 'live',
  merchants: readonly Merchant[],
  file: string | null,
  fail: (name: string, why: string) => never,
): void {
  const name = (variable: string, merchant: Merchant) => (file ? `COVERKIT_MERCHANTS_FILE (merchant ${merchant.id})` : variable);
  for (const merchant of merchants) {
    if (!merchant.publishableKey.startsWith(`pk_${mode}_`)) {
      fail(name('COVERKIT_PUBLISHABLE_KEY', merchant), `must be a pk_${mode}_… key in ${mode} mode (COVERKIT_MODE=${mode})`);
    }
    if (!merchant.secretKey.startsWith(`sk_${mode}_`)) {
      fail(name('COVERKIT_SECRET_KEY', merchant), `must be an sk_${mode}_… key in ${mode} mode (COVERKIT_MODE=${mode})`);
    }
    if (mode === 'live' && merchant.allowedOrigins.some((allowed) => !allowed.startsWith('https://'))) {
      fail(name('COVERKIT_ALLOWED_ORIGINS', merchant), 'must be https:// origins in live mode (COVERKIT_MODE=live)');
    }
    // Events carry orders: over the internet, only encrypted.
    if (mode === 'live' && merchant.webhookUrl && !merchant.webhookUrl.startsWith('https://')) {
      fail(name('COVERKIT_WEBHOOK_URL', merchant), 'must be an https:// URL in live mode (COVERKIT_MODE=live)');
    }
    if (merchant.webhookUrl && !merchant.webhookSecret) fail(name('COVERKIT_WEBHOOK_SECRET', merchant), 'is required with a webhook URL');
  }
}

function readMerchantsFile(file: string, providerIds: [string, ...string[]]): Merchant[] {
  let content: unknown;
  try {
    content = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ConfigError(`Invalid configuration:\n  COVERKIT_MERCHANTS_FILE: cannot read ${file} as JSON (${(error as Error).message})`);
  }
  const parsed = merchantsFileSchema(providerIds).safeParse(content);
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

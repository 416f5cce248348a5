/** Assurify's part of the environment: keys, webhook secret, and the sandbox's knobs. */
import { z } from 'zod';
import { liveBaseUrl, liveCredential, mustBeLive } from '../kit/live-config.ts';
import type { SharedConfig } from '../types.ts';

export interface AssurifyConfig {
  mode: 'sandbox' | 'live';
  /** The part before `/v1/…`. */
  baseUrl: string;
  secretKey: string;
  webhookSecret: string;
  sandbox: {
    /** Where the sandbox sends its signed events: this server's own webhook route. */
    webhookUrl: string;
    webhookDelayMs: number;
    sessionTtlMs: number;
    /** How long a pending claim waits for its `claim.decision` ("typically within 30 seconds"). */
    claimDecisionDelayMs: number;
  };
}

export const ASSURIFY_SANDBOX_SECRET_KEY = 'sk_sandbox_coverkit_demo';
export const ASSURIFY_SANDBOX_WEBHOOK_SECRET = 'whsec_sandbox_coverkit_demo';

const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

export const assurifyEnvironment = {
  ASSURIFY_BASE_URL: optionalText.pipe(z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).optional()),
  ASSURIFY_SECRET_KEY: optionalText.pipe(
    z
      .string()
      .regex(/^sk_(sandbox|live)_[A-Za-z0-9_]{4,}$/, 'must look like sk_sandbox_… or sk_live_…')
      .optional(),
  ),
  ASSURIFY_WEBHOOK_SECRET: optionalText.pipe(z.string().min(16, 'must be at least 16 characters').optional()),
  ASSURIFY_SANDBOX_WEBHOOK_DELAY_MS: z.coerce.number({ error: 'must be a number of milliseconds' }).int().min(0).max(600_000).default(150),
  ASSURIFY_SANDBOX_SESSION_TTL_MS: z.coerce
    .number({ error: 'must be a number of milliseconds' })
    .int()
    .min(100)
    .max(3_600_000)
    .default(15 * 60_000),
  ASSURIFY_SANDBOX_CLAIM_DECISION_DELAY_MS: z.coerce
    .number({ error: 'must be a number of milliseconds' })
    .int()
    .min(0)
    .max(600_000)
    .default(3000),
};

type AssurifyEnvironment = z.infer<z.ZodObject<typeof assurifyEnvironment>>;

export function readAssurifyConfig(env: AssurifyEnvironment, shared: SharedConfig): AssurifyConfig {
  const { ownBase, sandboxUrl, fail } = shared;
  if (mustBeLive(shared)) {
    liveBaseUrl(shared, 'ASSURIFY_BASE_URL', env.ASSURIFY_BASE_URL);
    if (!liveCredential(shared, 'ASSURIFY_SECRET_KEY', env.ASSURIFY_SECRET_KEY).startsWith('sk_live_')) {
      fail('ASSURIFY_SECRET_KEY', 'must be a live key (sk_live_…) in live mode (COVERKIT_MODE=live)');
    }
    liveCredential(shared, 'ASSURIFY_WEBHOOK_SECRET', env.ASSURIFY_WEBHOOK_SECRET);
  }
  // Test mode serves the demo and the public test keys: a live Assurify key there would sell
  // real cover with no payment behind it.
  if (shared.mode === 'test' && env.ASSURIFY_SECRET_KEY?.startsWith('sk_live_')) {
    fail(
      'ASSURIFY_SECRET_KEY',
      'is a live key: test mode (COVERKIT_MODE=test) takes sk_sandbox_… keys only; use it with COVERKIT_MODE=live',
    );
  }
  const sandbox = {
    webhookUrl: `${ownBase}/v1/webhooks/assurify`,
    webhookDelayMs: env.ASSURIFY_SANDBOX_WEBHOOK_DELAY_MS,
    sessionTtlMs: env.ASSURIFY_SANDBOX_SESSION_TTL_MS,
    claimDecisionDelayMs: env.ASSURIFY_SANDBOX_CLAIM_DECISION_DELAY_MS,
  };
  if (!env.ASSURIFY_BASE_URL) {
    return {
      mode: 'sandbox',
      baseUrl: sandboxUrl,
      secretKey: env.ASSURIFY_SECRET_KEY ?? ASSURIFY_SANDBOX_SECRET_KEY,
      webhookSecret: env.ASSURIFY_WEBHOOK_SECRET ?? ASSURIFY_SANDBOX_WEBHOOK_SECRET,
      sandbox,
    };
  }
  const secretKey = env.ASSURIFY_SECRET_KEY ?? fail('ASSURIFY_SECRET_KEY', 'is required when ASSURIFY_BASE_URL is set');
  // A live key over plain HTTP would cross the network readable; Assurify's edge refuses it anyway.
  if (secretKey.startsWith('sk_live_') && new URL(env.ASSURIFY_BASE_URL).protocol !== 'https:') {
    fail('ASSURIFY_BASE_URL', 'must be an https:// URL when ASSURIFY_SECRET_KEY is a live key (sk_live_…)');
  }
  return {
    mode: 'live',
    baseUrl: env.ASSURIFY_BASE_URL.replace(/\/$/, ''),
    secretKey,
    webhookSecret: env.ASSURIFY_WEBHOOK_SECRET ?? fail('ASSURIFY_WEBHOOK_SECRET', 'is required when ASSURIFY_BASE_URL is set'),
    sandbox,
  };
}

/** BigFix's part of the environment: base URL, API key and the policy source (partner) name. */
import { z } from 'zod';
import { liveBaseUrl, liveCredential, mustBeLive } from '../kit/live-config.ts';
import type { SharedConfig } from '../types.ts';

export interface BigfixConfig {
  mode: 'sandbox' | 'live';
  /** The part before `/adld-policy/` etc. */
  baseUrl: string;
  apiKey: string;
  policySource: string;
}

export const BIGFIX_SANDBOX_API_KEY = 'bfx_sandbox_4f6a1c2d9e';

const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

export const bigfixEnvironment = {
  BIGFIX_BASE_URL: optionalText.pipe(z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).optional()),
  BIGFIX_API_KEY: optionalText,
  BIGFIX_POLICY_SOURCE: optionalText,
};

type BigfixEnvironment = z.infer<z.ZodObject<typeof bigfixEnvironment>>;

export function readBigfixConfig(env: BigfixEnvironment, shared: SharedConfig): BigfixConfig {
  const { sandboxUrl, fail } = shared;
  if (mustBeLive(shared)) {
    liveBaseUrl(shared, 'BIGFIX_BASE_URL', env.BIGFIX_BASE_URL);
    liveCredential(shared, 'BIGFIX_API_KEY', env.BIGFIX_API_KEY);
    liveCredential(shared, 'BIGFIX_POLICY_SOURCE', env.BIGFIX_POLICY_SOURCE);
  }
  if (!env.BIGFIX_BASE_URL) {
    return {
      mode: 'sandbox',
      baseUrl: sandboxUrl,
      apiKey: env.BIGFIX_API_KEY ?? BIGFIX_SANDBOX_API_KEY,
      policySource: env.BIGFIX_POLICY_SOURCE ?? 'Coverkit',
    };
  }
  const why = 'is required when BIGFIX_BASE_URL is set';
  return {
    mode: 'live',
    baseUrl: env.BIGFIX_BASE_URL.replace(/\/$/, ''),
    apiKey: env.BIGFIX_API_KEY ?? fail('BIGFIX_API_KEY', why),
    policySource: env.BIGFIX_POLICY_SOURCE ?? fail('BIGFIX_POLICY_SOURCE', why),
  };
}

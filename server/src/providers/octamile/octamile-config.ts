/** Octamile's part of the environment: credentials, product profiles, self-activation. */
import { z } from 'zod';
import { liveBaseUrl, liveCredential, mustBeLive } from '../kit/live-config.ts';
import type { SharedConfig } from '../types.ts';

export interface OctamileProduct {
  /** `<category>-<type>-<package>`, e.g. `phnn-flx2-1111`. */
  code: string;
  /** Cover periods the product profile allows, in Octamile's format (`7d`, `1m`, `6m`, `1y`). */
  periods: string[];
}

export interface OctamileConfig {
  mode: 'sandbox' | 'live';
  /** The one URL every command is POSTed to. */
  endpoint: string;
  customerId: string;
  authorizationId: string;
  authorizationKey: string;
  products: OctamileProduct[];
  /** `dontSendActivationCode`: we collect the verification video ourselves. */
  selfActivation: boolean;
  sandbox: { reviewDelayMs: number };
}

export const OCTAMILE_SANDBOX_CREDENTIALS = {
  customerId: 'coverkit00000001',
  authorizationId: 'coverkitauth0001',
  authorizationKey: 'sandbox-key-0001',
} as const;
const DEFAULT_PERIODS = ['6m', '1y'];

const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();
const period = /^\d{1,3}[dmy]$/;
const product = z
  .string()
  .regex(
    /^[a-z0-9]{4}-[a-z0-9]{4}-[0-9]{4}(:\d{1,3}[dmy](\/\d{1,3}[dmy])*)?$/,
    'must be a comma-separated list like phnn-flx2-1111 or phnn-flx2-1111:6m/1y',
  );

export const octamileEnvironment = {
  OCTAMILE_BASE_URL: optionalText.pipe(z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).optional()),
  OCTAMILE_CUSTOMER_ID: optionalText,
  OCTAMILE_AUTH_ID: optionalText,
  OCTAMILE_AUTH_KEY: optionalText,
  OCTAMILE_PRODUCTS: optionalText.pipe(
    z
      .string()
      .transform((value) =>
        value
          .split(',')
          .map((item) => item.trim())
          .filter(Boolean),
      )
      .pipe(z.array(product).min(1, 'must name at least one product'))
      .optional(),
  ),
  OCTAMILE_SELF_ACTIVATION: optionalText.pipe(z.enum(['true', 'false'], { error: 'must be true or false' }).optional()),
  OCTAMILE_SANDBOX_REVIEW_DELAY_MS: z.coerce.number({ error: 'must be a number of milliseconds' }).int().min(0).max(600_000).default(3000),
};

type OctamileEnvironment = z.infer<z.ZodObject<typeof octamileEnvironment>>;

function toProduct(entry: string): OctamileProduct {
  const [code, periods] = entry.split(':') as [string, string | undefined];
  return { code, periods: periods ? periods.split('/').filter((value) => period.test(value)) : DEFAULT_PERIODS };
}

export function readOctamileConfig(env: OctamileEnvironment, sharedConfig: SharedConfig): OctamileConfig {
  const { sandboxUrl, fail } = sharedConfig;
  if (mustBeLive(sharedConfig)) {
    liveBaseUrl(sharedConfig, 'OCTAMILE_BASE_URL', env.OCTAMILE_BASE_URL);
    for (const name of ['OCTAMILE_CUSTOMER_ID', 'OCTAMILE_AUTH_ID', 'OCTAMILE_AUTH_KEY'] as const) {
      liveCredential(sharedConfig, name, env[name]);
    }
  }
  const products = (env.OCTAMILE_PRODUCTS ?? (env.OCTAMILE_BASE_URL ? [] : ['phnn-flx2-1111'])).map(toProduct);
  const shared = {
    products,
    selfActivation: env.OCTAMILE_SELF_ACTIVATION !== 'false',
    sandbox: { reviewDelayMs: env.OCTAMILE_SANDBOX_REVIEW_DELAY_MS },
  };
  if (!env.OCTAMILE_BASE_URL) {
    return {
      mode: 'sandbox',
      endpoint: sandboxUrl,
      customerId: env.OCTAMILE_CUSTOMER_ID ?? OCTAMILE_SANDBOX_CREDENTIALS.customerId,
      authorizationId: env.OCTAMILE_AUTH_ID ?? OCTAMILE_SANDBOX_CREDENTIALS.authorizationId,
      authorizationKey: env.OCTAMILE_AUTH_KEY ?? OCTAMILE_SANDBOX_CREDENTIALS.authorizationKey,
      ...shared,
    };
  }
  const why = 'is required when OCTAMILE_BASE_URL is set';
  if (products.length === 0) fail('OCTAMILE_PRODUCTS', why);
  return {
    mode: 'live',
    endpoint: env.OCTAMILE_BASE_URL,
    customerId: env.OCTAMILE_CUSTOMER_ID ?? fail('OCTAMILE_CUSTOMER_ID', why),
    authorizationId: env.OCTAMILE_AUTH_ID ?? fail('OCTAMILE_AUTH_ID', why),
    authorizationKey: env.OCTAMILE_AUTH_KEY ?? fail('OCTAMILE_AUTH_KEY', why),
    ...shared,
  };
}

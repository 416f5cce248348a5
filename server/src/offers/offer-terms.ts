/**
 * What a buyer of insurance must be told before buying: where the plan's terms are, who
 * underwrites it, and how many days the shopper has to cancel for a full refund (the
 * free-look period). Each provider module reads its own `<PREFIX>_TERMS_URL`,
 * `<PREFIX>_UNDERWRITER` and `<PREFIX>_FREE_LOOK_DAYS`; the providers' docs name none of
 * these, so each module's sandbox defaults are our choice.
 */
import { z } from 'zod';
import type { OfferTerms } from '../../../contract/types.ts';

const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

type TermsVariable<Prefix extends string> = `${Prefix}_TERMS_URL` | `${Prefix}_UNDERWRITER` | `${Prefix}_FREE_LOOK_DAYS`;

/** The three variables of one provider, merged into the module's `environment`. */
export function offerTermsEnvironment<Prefix extends string>(prefix: Prefix) {
  return {
    [`${prefix}_TERMS_URL`]: optionalText.pipe(z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).optional()),
    [`${prefix}_UNDERWRITER`]: optionalText.pipe(z.string().max(120, 'must be at most 120 characters').optional()),
    [`${prefix}_FREE_LOOK_DAYS`]: optionalText
      .refine((value) => value === undefined || /^\d{1,2}$/.test(value), 'must be whole days, 0 to 99')
      .transform((value) => (value === undefined ? undefined : Number(value))),
  } as unknown as Record<TermsVariable<Prefix>, z.ZodType<string | number | undefined>>;
}

/**
 * The provider's terms from its variables; in sandbox mode, else the defaults. A live
 * provider without its own terms page sends none (the widget then shows no link rather
 * than a sandbox page).
 */
export function readOfferTerms(
  env: Record<string, unknown>,
  prefix: string,
  defaults: OfferTerms,
  mode: 'sandbox' | 'live',
): OfferTerms | undefined {
  const url = env[`${prefix}_TERMS_URL`] as string | undefined;
  const underwriter = env[`${prefix}_UNDERWRITER`] as string | undefined;
  const freeLookDays = env[`${prefix}_FREE_LOOK_DAYS`] as number | undefined;
  if (mode === 'live' && !url) return undefined;
  return {
    url: url ?? defaults.url,
    underwriter: underwriter ?? defaults.underwriter,
    freeLookDays: freeLookDays ?? defaults.freeLookDays,
  };
}

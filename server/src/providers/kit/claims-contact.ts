/**
 * Claims for a provider that documents no claims API (BigFix, Octamile): the shopper claims
 * with the provider directly, and claim-options says how — a phone, an email, a web page,
 * from `<PREFIX>_CLAIMS_PHONE`, `<PREFIX>_CLAIMS_EMAIL`, `<PREFIX>_CLAIMS_URL`. In sandbox
 * mode unset values fall back to demo ones, so the widget has something to show; in live
 * mode an unset value stays null (we never invent a live phone number).
 */
import { z } from 'zod';
import type { ClaimContact, ClaimOptions } from '../../../../contract/claims.ts';
import type { ClaimsAdapter, ProviderClaims, ProviderConfigBase } from '../types.ts';

const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

type ContactVariables<Prefix extends string> = {
  [Key in `${Prefix}_CLAIMS_PHONE` | `${Prefix}_CLAIMS_EMAIL` | `${Prefix}_CLAIMS_URL`]: typeof optionalText;
};

/** The module's contact variables, to spread into its `environment`. */
export function claimsContactEnvironment<const Prefix extends string>(prefix: Prefix): ContactVariables<Prefix> {
  return {
    [`${prefix}_CLAIMS_PHONE`]: optionalText.pipe(
      z
        .string()
        .regex(/^\+?[0-9 ()-]{6,20}$/, 'must be a phone number such as +91 80 4718 2200')
        .optional(),
    ),
    [`${prefix}_CLAIMS_EMAIL`]: optionalText.pipe(z.email('must be an email address').optional()),
    [`${prefix}_CLAIMS_URL`]: optionalText.pipe(z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).optional()),
  } as unknown as ContactVariables<Prefix>;
}

/** The contact from the module's environment; `sandboxDefaults` where the provider runs as its sandbox. */
export function readClaimsContact(
  prefix: string,
  env: Record<string, unknown>,
  mode: ProviderConfigBase['mode'],
  sandboxDefaults: ClaimContact,
): ClaimContact {
  const value = (name: string, fallback: string | null) => {
    const set = env[`${prefix}_CLAIMS_${name}`];
    return typeof set === 'string' ? set : mode === 'sandbox' ? fallback : null;
  };
  return {
    phone: value('PHONE', sandboxDefaults.phone),
    email: value('EMAIL', sandboxDefaults.email),
    url: value('URL', sandboxDefaults.url),
  };
}

/** Claim options that only say how to reach the provider: no types, issues, slots or fields. */
export function contactOptions(contact: ClaimContact): ClaimOptions {
  return { types: [], issues: [], slots: [], requires: [], contact };
}

/** The `claims` capability of a provider with no claims API: options with the contact, no `create`. */
export function contactOnlyClaims(): ProviderClaims<{ claimsContact: ClaimContact }> {
  return {
    createClaimsAdapter(config): ClaimsAdapter {
      return {
        async options() {
          return contactOptions(config.claimsContact);
        },
      };
    },
  };
}

/**
 * The /v1 request schemas, shared by the server (which enforces them) and the widget
 * (which checks the same rules before sending). Written with `zod/mini` so the browser
 * bundle stays small; the server uses the very same objects.
 */
import * as z from 'zod/mini';

import { passesLuhn } from './luhn.ts';

export { passesLuhn };

const text = (max: number) => z.string().check(z.trim(), z.minLength(1, 'Required'), z.maxLength(max, `At most ${max} characters`));

export const imeiSchema = z
  .string()
  .check(
    z.trim(),
    z.regex(/^\d{15}$/, 'An IMEI is 15 digits (dial *#06# to see it)'),
    z.refine(passesLuhn, 'This IMEI is not valid: check the digits'),
  );

export const serialSchema = z.string().check(z.trim(), z.regex(/^[A-Za-z0-9-]{4,40}$/, 'A serial number is 4 to 40 letters or digits'));

/** Money in major units with at most two decimals. */
export const amountSchema = z.number('Must be a number').check(
  z.positive('Must be more than zero'),
  z.lte(100_000_000, 'Too large'),
  z.refine((value) => Math.round(value * 100) === Number((value * 100).toFixed(6)), 'At most 2 decimals'),
);

export const currencySchema = z.string().check(z.regex(/^[A-Z]{3}$/, 'A 3-letter ISO 4217 currency such as INR'));
export const countrySchema = z.string().check(z.regex(/^[A-Z]{2}$/, 'A 2-letter ISO 3166 country code such as IN'));
export const isoDateSchema = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, 'A date as YYYY-MM-DD'));

export const quoteRequestSchema = z.strictObject({
  device: z.strictObject({
    category: text(40),
    brand: text(60),
    model: text(80),
    price: amountSchema,
    currency: currencySchema,
    imei: z.optional(imeiSchema),
    serial: z.optional(serialSchema),
    purchaseDate: z.optional(isoDateSchema),
  }),
  country: countrySchema,
});
export type QuoteRequest = z.infer<typeof quoteRequestSchema>;

/** Postal code rules per country; other countries get a loose check. */
export const postalCodePatterns: Record<string, { pattern: RegExp; message: string }> = {
  IN: { pattern: /^[1-9]\d{5}$/, message: 'An Indian PIN code is 6 digits' },
  NG: { pattern: /^\d{6}$/, message: 'A Nigerian postal code is 6 digits' },
  US: { pattern: /^\d{5}(-\d{4})?$/, message: 'A US ZIP code is 5 digits, or 5+4' },
};

export const addressSchema = z
  .strictObject({
    line1: text(120),
    line2: z.optional(z.string().check(z.trim(), z.maxLength(120, 'At most 120 characters'))),
    city: text(60),
    state: text(60),
    postalCode: z.string().check(z.trim(), z.regex(/^[A-Za-z0-9 -]{3,10}$/, 'Enter a valid postal code')),
    country: countrySchema,
  })
  .check(
    z.superRefine((address, context) => {
      const rule = postalCodePatterns[address.country];
      if (rule && !rule.pattern.test(address.postalCode)) {
        context.issues.push({ code: 'custom', path: ['postalCode'], message: rule.message, input: address.postalCode });
      }
    }),
  );

export const customerSchema = z.strictObject({
  name: z
    .string()
    .check(
      z.trim(),
      z.minLength(2, 'Enter your full name'),
      z.maxLength(100, 'At most 100 characters'),
      z.regex(/^[\p{L}\p{M}' .-]+$/u, 'Use letters, spaces, apostrophes or hyphens'),
    ),
  email: z.string().check(z.trim(), z.email('Enter a valid email address'), z.maxLength(254, 'At most 254 characters')),
  phone: z.string().check(z.trim(), z.regex(/^\+[1-9]\d{7,14}$/, 'Use international format, e.g. +919812345678')),
  address: z.optional(addressSchema),
});
export type Customer = z.infer<typeof customerSchema>;

export const orderDeviceSchema = z.strictObject({
  imei: z.optional(imeiSchema),
  serial: z.optional(serialSchema),
  brand: z.optional(text(60)),
  model: z.optional(text(80)),
  brandWarrantyYears: z.optional(
    z.number('Must be a number').check(z.int('Whole years only'), z.gte(0, 'Cannot be negative'), z.lte(5, 'At most 5 years')),
  ),
});
export type OrderDevice = z.infer<typeof orderDeviceSchema>;

/**
 * The merchant's own references on an order (Stripe-style): ≤ 20 keys of ≤ 40 characters,
 * string values ≤ 500. Values are checked here, not by the record, so a number is named
 * `metadata.<key>` with a sentence rather than a bare type error.
 */
export const metadataSchema = z
  .record(z.string(), z.unknown())
  .check(
    z.superRefine((metadata, context) => {
      const keys = Object.keys(metadata);
      if (keys.length > 20) context.issues.push({ code: 'custom', path: [], message: 'At most 20 keys', input: metadata });
      for (const key of keys) {
        const value = metadata[key];
        const problem =
          key.length < 1 || key.length > 40
            ? 'Keys are 1 to 40 characters'
            : typeof value !== 'string'
              ? 'Metadata values are strings'
              : value.length > 500
                ? 'At most 500 characters'
                : null;
        if (problem) context.issues.push({ code: 'custom', path: [key], message: problem, input: value });
      }
    }),
  )
  .register(z.globalRegistry, {
    description: "The merchant's own references: at most 20 keys of 1 to 40 characters, string values of at most 500",
  }) as unknown as z.ZodMiniType<Record<string, string>, Record<string, string>>;

export const createOrderRequestSchema = z.strictObject({
  offerId: z.string().check(z.minLength(1, 'Required'), z.maxLength(4096, 'Not a valid offer id')),
  device: z.optional(orderDeviceSchema),
  customer: customerSchema,
  metadata: z.optional(metadataSchema),
});
export type CreateOrderRequest = z.infer<typeof createOrderRequestSchema>;

export const confirmOrderRequestSchema = z.strictObject({
  paymentReference: text(200),
});
export type ConfirmOrderRequest = z.infer<typeof confirmOrderRequestSchema>;

export const cancelOrderRequestSchema = z.strictObject({
  reason: text(500),
});

/** Field paths an offer can ask for; the widget renders exactly these. */
export const requirableFields = [
  'device.imei',
  'device.serial',
  'device.brandWarrantyYears',
  'customer.name',
  'customer.email',
  'customer.phone',
  'customer.address',
] as const;
export type RequirableField = (typeof requirableFields)[number];

export interface FieldError {
  path: string;
  message: string;
}

/** Turns zod issues into our `fields` list, with "Required" for absent values. */
export function toFieldErrors(issues: readonly z.core.$ZodIssue[]): FieldError[] {
  return issues.map((issue) => {
    const path = issue.path.map(String).join('.') || '(body)';
    if (issue.code === 'invalid_type' && issue.input === undefined) return { path, message: 'Required' };
    if (issue.code === 'unrecognized_keys') {
      const prefix = path === '(body)' ? '' : `${path}.`;
      return { path: `${prefix}${issue.keys.join(', ')}`, message: 'Unknown field' };
    }
    return { path, message: issue.message };
  });
}

/** Reads a dotted path (`customer.address`) from a request body. */
export function readPath(value: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((current, key) => {
    if (current && typeof current === 'object' && Object.hasOwn(current, key)) return (current as Record<string, unknown>)[key];
    return undefined;
  }, value);
}

/** Fields an offer requires that the request left empty. */
export function missingRequiredFields(body: unknown, requires: readonly string[]): FieldError[] {
  return requires
    .filter((path) => {
      const value = readPath(body, path);
      return value === undefined || value === null || value === '';
    })
    .map((path) => ({ path, message: 'Required for this plan' }));
}

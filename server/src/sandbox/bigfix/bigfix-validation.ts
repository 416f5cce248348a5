import type { Context } from 'hono';
import { z } from 'zod';
import type { BigfixBrandType } from './bigfix-rate-table.ts';

export type BigfixRequestFields = Record<string, unknown>;

/** The 15 fields both create endpoints require, in the doc's order. */
export const bigfixPolicyFieldNames = [
  'product',
  'duration',
  'deviceprice',
  'name',
  'email',
  'phone',
  'address',
  'city',
  'state',
  'pincode',
  'brand',
  'model',
  'imei1_serialno',
  'policysource',
  'brand_warranty_duration',
] as const;

/**
 * Mirrors Python's `str.title()` after `strip()`, which is how the provider normalises product
 * names: every letter that follows a non-letter is upper-cased, the rest lower-cased.
 */
export function toTitleCase(value: string): string {
  return value
    .trim()
    .toLowerCase()
    .replace(/(?<!\p{L})\p{L}/gu, (letter) => letter.toUpperCase());
}

/** Whitespace-only counts as empty: the doc asks for "non-empty" values, not merely present keys. */
export function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

export function hasAllPolicyFields(fields: BigfixRequestFields): boolean {
  return bigfixPolicyFieldNames.every((fieldName) => !isBlank(fields[fieldName]));
}

/** Accepts "1 Year" and "2 Years" and, leniently, "2 Year" — the form the quote responses use. */
export function parseDurationYears(value: unknown): number | undefined {
  const match = typeof value === 'string' ? /^([1-9]\d*) Years?$/.exec(value) : null;
  return match ? Number(match[1]) : undefined;
}

/** Numbers or numeric strings, like a Python `float()`/DRF number field; JS-only forms like "0x10" are refused. */
export function parseDecimal(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'string' && /^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/.test(value)) {
    return Number(value);
  }
  return undefined;
}

function parseInteger(value: unknown): number | undefined {
  const number = parseDecimal(value);
  return number !== undefined && Number.isInteger(number) ? number : undefined;
}

/** Only the literal "Apple" brand gets Apple rates; the create takes a brand, the quote a brand type. */
export function brandTypeOfBrand(brand: string): BigfixBrandType {
  return brand.trim().toLowerCase() === 'apple' ? 'Apple' : 'Non-Apple';
}

export function isBrandType(value: string): value is BigfixBrandType {
  return value === 'Apple' || value === 'Non-Apple';
}

/** Messages are Django REST Framework's defaults, since the provider's serializer is DRF's. */
const policySerializerSchema = z.object({
  email: z.email({ error: 'Enter a valid email address.' }),
  deviceprice: z.unknown().transform((value, context) => {
    const devicePrice = parseDecimal(value);
    if (devicePrice === undefined) context.addIssue({ code: 'custom', message: 'A valid number is required.' });
    return devicePrice ?? 0;
  }),
  brand_warranty_duration: z.unknown().transform((value, context) => {
    const years = parseInteger(value);
    if (years === undefined) context.addIssue({ code: 'custom', message: 'A valid integer is required.' });
    return years ?? 0;
  }),
});

export type BigfixSerializedPolicy = z.output<typeof policySerializerSchema>;

export function serializePolicyFields(
  fields: BigfixRequestFields,
): { success: true; data: BigfixSerializedPolicy } | { success: false; errors: Record<string, string[]> } {
  const result = policySerializerSchema.safeParse(fields);
  if (result.success) return { success: true, data: result.data };
  const { fieldErrors } = z.flattenError(result.error);
  return { success: false, errors: fieldErrors as Record<string, string[]> };
}

/**
 * A body that is not a JSON object reads as `{}`, so it fails the required-fields check the way
 * an empty payload would, instead of surfacing a parser error the doc never mentions.
 */
export async function readRequestFields(context: Context): Promise<BigfixRequestFields> {
  const contentType = context.req.header('Content-Type') ?? '';
  try {
    // The provider's framework parses form posts into the same data, so the sandbox does too.
    const parsed: unknown = /form-urlencoded|multipart\/form-data/.test(contentType)
      ? await context.req.parseBody()
      : await context.req.json();
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as BigfixRequestFields) : {};
  } catch {
    return {};
  }
}

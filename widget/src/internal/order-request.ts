/**
 * Turns what the shopper typed into a `POST /v1/orders` body and checks it with the
 * same schemas the server enforces, so most mistakes never make a round trip.
 */
import type { CountryCode, parsePhoneNumberFromString } from 'libphonenumber-js/min';
import { createOrderRequestSchema, missingRequiredFields, toFieldErrors } from '../../../contract/schemas.ts';
import type { CreateOrderRequest, FieldError, RequirableField } from '../../../contract/schemas.ts';
import { fieldKeyForPath } from './order-fields.ts';
import type { FieldDefinition, FieldKey } from './order-fields.ts';

export type FieldValues = Partial<Record<FieldKey, string>>;

export interface OrderContext {
  offerId: string;
  brand: string;
  model: string;
  /** The shopper's country (the address's, else the page's): a national phone number is read as one of its numbers. */
  country?: string;
}

/**
 * libphonenumber-js with its smallest metadata is most of 30 KB gzip: fetched on its own,
 * only once a plan asks for a phone number (the form calls this), never with the offers.
 */
let parsePhone: typeof parsePhoneNumberFromString | undefined;
let loadingPhone: Promise<unknown> | undefined;
export const phoneParserReady = () => parsePhone !== undefined;
export function loadPhoneParser(): Promise<unknown> {
  loadingPhone ??= import('libphonenumber-js/min').then(
    (module) => (parsePhone = module.parsePhoneNumberFromString),
    // A failed download is tried again on the next call; until then numbers go as typed.
    () => (loadingPhone = undefined),
  );
  return loadingPhone;
}

/**
 * A number as the shopper knows it ("98123 45678", "0803 123 4567") in E.164, which the
 * insurers take; one that cannot be read is sent as typed, for the schema to explain.
 */
export function toE164(value: string, country: string | undefined): string {
  const typed = value.replace(/[\s().-]/g, '');
  const region = /^[A-Z]{2}$/.test(country ?? '') ? (country as CountryCode) : undefined;
  const parsed = parsePhone?.(value, region);
  return parsed?.isValid() ? parsed.number : typed;
}

/** Autofill and copy-paste bring spaces and dashes the schemas rightly refuse. */
function normalise(key: FieldKey, value: string, country: string | undefined): string | number {
  const trimmed = value.trim();
  switch (key) {
    case 'customer.phone':
      return toE164(trimmed, country);
    case 'device.imei':
      return trimmed.replace(/[\s-]/g, '');
    case 'customer.address.country':
      return trimmed.toUpperCase();
    case 'device.brandWarrantyYears':
      return Number(trimmed);
    default:
      return trimmed;
  }
}

export function buildOrderRequest(context: OrderContext, fields: readonly FieldDefinition[], values: FieldValues): CreateOrderRequest {
  const body: Record<string, unknown> = {
    offerId: context.offerId,
    device: { brand: context.brand, model: context.model },
    customer: {},
  };
  for (const field of fields) {
    const value = values[field.key] ?? '';
    // Empty inputs are left out: the schemas then report "Required" for them.
    if (value.trim() === '') continue;
    const segments = field.key.split('.');
    const last = segments.pop()!;
    let target = body;
    for (const segment of segments) target = (target[segment] ??= {}) as Record<string, unknown>;
    target[last] = normalise(field.key, value, values['customer.address.country'] || context.country);
  }
  return body as CreateOrderRequest;
}

/**
 * Errors by input. Issues about paths the form does not show (the offer did not ask for
 * them) are left to the server, which answers with its own field errors.
 */
export function validateOrderRequest(
  body: CreateOrderRequest,
  requires: readonly RequirableField[],
  fields: readonly FieldDefinition[],
): Map<FieldKey, string> {
  const result = createOrderRequestSchema.safeParse(body);
  const issues: FieldError[] = [
    ...(result.success ? [] : toFieldErrors(result.error.issues)),
    // Same word as the schemas use for absent values, so blank fields read alike.
    ...missingRequiredFields(body, requires).map((error) => ({ ...error, message: 'Required' })),
  ];
  return fieldErrorsByKey(issues, fields).byKey;
}

/** Sorts errors (from the schemas or the server's 400) onto inputs; the rest stay form-level. */
export function fieldErrorsByKey(
  errors: readonly FieldError[],
  fields: readonly FieldDefinition[],
): { byKey: Map<FieldKey, string>; unmatched: FieldError[] } {
  const byKey = new Map<FieldKey, string>();
  const unmatched: FieldError[] = [];
  for (const error of errors) {
    const key = fieldKeyForPath(error.path, fields);
    if (key === undefined) unmatched.push(error);
    else if (!byKey.has(key)) byKey.set(key, error.message);
  }
  return { byKey, unmatched };
}

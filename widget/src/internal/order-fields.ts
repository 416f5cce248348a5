/**
 * The inputs behind each field path an offer can require. `customer.address` expands to
 * one input per address line so browser autofill can fill each of them.
 */
import type { RequirableField } from '../../../contract/schemas.ts';
import { str } from './localize.ts';
import type { Translate } from './localize.ts';

export type FieldKey =
  Exclude<RequirableField, 'customer.address'> | `customer.address.${'line1' | 'line2' | 'city' | 'state' | 'postalCode' | 'country'}`;

export interface FieldDefinition {
  key: FieldKey;
  label: string;
  type: 'text' | 'email' | 'tel' | 'number';
  /** The WHATWG autofill token; `off` for device identifiers no browser knows. */
  autocomplete: string;
  inputMode: 'text' | 'numeric' | 'email' | 'tel';
  hint?: string;
  optional?: boolean;
  maxLength?: number;
}

const addressKeys = [
  'customer.address.line1',
  'customer.address.line2',
  'customer.address.city',
  'customer.address.state',
  'customer.address.postalCode',
  'customer.address.country',
] as const satisfies readonly FieldKey[];

// Listed in the order a shopper fills them in: who they are, where, then the device.
const definitions = (t: Translate): readonly FieldDefinition[] => [
  { key: 'customer.name', label: t('field.name', 'Full name'), type: 'text', autocomplete: 'name', inputMode: 'text', maxLength: 100 },
  { key: 'customer.email', label: t('field.email', 'Email'), type: 'email', autocomplete: 'email', inputMode: 'email', maxLength: 254 },
  {
    key: 'customer.phone',
    label: t('field.phone', 'Mobile number'),
    type: 'tel',
    autocomplete: 'tel',
    inputMode: 'tel',
    hint: t('field.phone-hint', str`With country code, e.g. ${'+919812345678'}`),
    maxLength: 20,
  },
  {
    key: 'customer.address.line1',
    label: t('field.line1', 'Address'),
    type: 'text',
    autocomplete: 'address-line1',
    inputMode: 'text',
    maxLength: 120,
  },
  {
    key: 'customer.address.line2',
    label: t('field.line2', 'Apartment, floor, landmark'),
    type: 'text',
    autocomplete: 'address-line2',
    inputMode: 'text',
    optional: true,
    maxLength: 120,
  },
  {
    key: 'customer.address.city',
    label: t('field.city', 'City'),
    type: 'text',
    autocomplete: 'address-level2',
    inputMode: 'text',
    maxLength: 60,
  },
  {
    key: 'customer.address.state',
    label: t('field.state', 'State'),
    type: 'text',
    autocomplete: 'address-level1',
    inputMode: 'text',
    maxLength: 60,
  },
  {
    key: 'customer.address.postalCode',
    label: t('field.postalCode', 'Postal code'),
    type: 'text',
    autocomplete: 'postal-code',
    inputMode: 'text',
    maxLength: 10,
  },
  {
    key: 'customer.address.country',
    label: t('field.country', 'Country code'),
    type: 'text',
    autocomplete: 'country',
    inputMode: 'text',
    hint: t('field.country-hint', 'Two letters, e.g. IN'),
    maxLength: 2,
  },
  {
    key: 'device.imei',
    label: t('field.imei', 'IMEI'),
    type: 'text',
    autocomplete: 'off',
    inputMode: 'numeric',
    hint: t('imei.hint', 'Dial *#06# on the phone to see it'),
    maxLength: 17,
  },
  { key: 'device.serial', label: t('field.serial', 'Serial number'), type: 'text', autocomplete: 'off', inputMode: 'text', maxLength: 40 },
  {
    key: 'device.brandWarrantyYears',
    label: t('field.brandWarrantyYears', "Manufacturer's warranty (years)"),
    type: 'number',
    autocomplete: 'off',
    inputMode: 'numeric',
  },
];

/** Countries whose postal codes are all digits, so phones show the number pad. */
const numericPostalCountries = new Set(['IN', 'NG', 'US']);

/** An example number in each market's international format. */
const phoneExamples: Record<string, string> = { IN: '+919812345678', NG: '+2348031234567', US: '+12025550123' };

/** Exactly the inputs an offer's `requires` asks for, in filling order. */
export function fieldsFor(requires: readonly RequirableField[], country: string, t: Translate): FieldDefinition[] {
  const keys = new Set<string>(requires.flatMap((path) => (path === 'customer.address' ? addressKeys : [path])));
  return definitions(t)
    .filter((definition) => keys.has(definition.key))
    .map((definition) => {
      if (definition.key === 'customer.address.postalCode' && numericPostalCountries.has(country))
        return { ...definition, inputMode: 'numeric' };
      if (definition.key === 'customer.phone' && phoneExamples[country]) {
        return { ...definition, hint: t('field.phone-hint', str`With country code, e.g. ${phoneExamples[country]}`) };
      }
      return definition;
    });
}

/**
 * The input an error path belongs to: the field itself, or the first input under it
 * (`customer.address` → its first line). Undefined when no rendered input matches.
 */
export function fieldKeyForPath(path: string, fields: readonly FieldDefinition[]): FieldKey | undefined {
  return fields.find((field) => field.key === path)?.key ?? fields.find((field) => field.key.startsWith(`${path}.`))?.key;
}

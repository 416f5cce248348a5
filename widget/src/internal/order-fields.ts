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
  type: 'text' | 'email' | 'tel' | 'number' | 'select';
  /** A select's choices (value and the shopper's words for it). */
  options?: { value: string; label: string }[];
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
    maxLength: 24,
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
    label: t('field.country-name', 'Country'),
    type: 'select',
    autocomplete: 'country',
    inputMode: 'text',
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
  {
    key: 'device.serial',
    label: t('field.serial', 'Serial number'),
    type: 'text',
    autocomplete: 'off',
    inputMode: 'text',
    hint: t('field.serial-hint', 'On the label underneath the laptop or on its box, or in its settings under "About"'),
    maxLength: 40,
  },
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

/** An example number in each market's own (national) format: the form turns it into +… itself. */
const phoneExamples: Record<string, string> = { IN: '98123 45678', NG: '0803 123 4567', US: '(202) 555-0123' };

/** Countries an address can be in: the markets the insurers sell in, then the page's own country. */
const addressCountries = ['IN', 'NG', 'US'];

function countryOptions(country: string, locale: string) {
  const names = new Intl.DisplayNames([locale], { type: 'region', fallback: 'code' });
  const codes = [...new Set([...addressCountries, ...(/^[A-Z]{2}$/.test(country) ? [country] : [])])];
  return codes.map((code) => ({ value: code, label: names.of(code) ?? code }));
}

/** Exactly the inputs an offer's `requires` asks for, in filling order. */
export function fieldsFor(requires: readonly RequirableField[], country: string, t: Translate, locale = 'en'): FieldDefinition[] {
  const keys = new Set<string>(requires.flatMap((path) => (path === 'customer.address' ? addressKeys : [path])));
  return definitions(t)
    .filter((definition) => keys.has(definition.key))
    .map((definition) => {
      if (definition.key === 'customer.address.postalCode' && numericPostalCountries.has(country))
        return { ...definition, inputMode: 'numeric' };
      if (definition.key === 'customer.phone' && phoneExamples[country]) {
        return { ...definition, hint: t('field.phone-hint-national', str`e.g. ${phoneExamples[country]}, or with the country code`) };
      }
      if (definition.key === 'customer.address.country') return { ...definition, options: countryOptions(country, locale) };
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

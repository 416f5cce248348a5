/**
 * The shared schemas (and the server) say what is wrong in English; the shopper reads it
 * in their language. Each known sentence has a message id, so Hindi (and a merchant's
 * override) can replace it; an unknown sentence is shown as it is.
 */
import type { Translate } from './localize.ts';

const messageIds: Record<string, string> = {
  Required: 'validation.required',
  'Required for this plan': 'validation.required',
  'Enter your full name': 'validation.name',
  'Use letters, spaces, apostrophes or hyphens': 'validation.name-letters',
  'Enter a valid email address': 'validation.email',
  'Use international format, e.g. +919812345678': 'validation.phone',
  'An IMEI is 15 digits (dial *#06# to see it)': 'validation.imei-digits',
  'This IMEI is not valid: check the digits': 'validation.imei-luhn',
  'Use the IMEI this plan was priced for': 'validation.imei-quoted',
  'A serial number is 4 to 40 letters or digits': 'validation.serial',
  'An Indian PIN code is 6 digits': 'validation.postal-in',
  'A Nigerian postal code is 6 digits': 'validation.postal-ng',
  'A US ZIP code is 5 digits, or 5+4': 'validation.postal-us',
  'Enter a valid postal code': 'validation.postal',
  'A 2-letter ISO 3166 country code such as IN': 'validation.country',
  'Must be a number': 'validation.number',
  'Whole years only': 'validation.whole-years',
  'Cannot be negative': 'validation.not-negative',
  'At most 5 years': 'validation.max-years',
};

export function localizeFieldError(message: string, t: Translate): string {
  const id = messageIds[message];
  return id ? t(id, message) : message;
}

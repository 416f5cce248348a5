/**
 * The Luhn checksum, free of zod so the offer view (which must not load zod) can use it.
 * `schemas.ts` re-exports it; the rule lives in one place.
 */
export function passesLuhn(digits: string): boolean {
  let sum = 0;
  for (let index = 0; index < digits.length; index++) {
    let digit = Number(digits[digits.length - 1 - index]);
    if (index % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

/** The same test as `imeiSchema`, without zod: 15 digits that pass Luhn. */
export function isValidImei(value: string): boolean {
  const trimmed = value.trim();
  return /^\d{15}$/.test(trimmed) && passesLuhn(trimmed);
}

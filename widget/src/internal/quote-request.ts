/**
 * Turns the element's attributes into a `POST /v1/quotes` body.
 *
 * Deliberately free of zod: this runs in the offer view, which must stay small. The
 * checks mirror `quoteRequestSchema`; the server enforces the schema itself.
 */
import { ApiError } from '../api/api-error.ts';
import { isValidImei } from '../../../contract/luhn.ts';
import type { QuoteRequest } from '../../../contract/schemas.ts';

export interface DeviceAttributes {
  category: string;
  brand: string;
  model: string;
  price: number | null | undefined;
  currency: string;
  country: string;
  imei: string;
}

function problemsWith({ category, brand, model, price, currency, country }: DeviceAttributes): string[] {
  const problems: string[] = [];
  const tooLong = (name: string, value: string, max: number) =>
    value.trim().length > max && problems.push(`${name}: At most ${max} characters`);
  tooLong('category', category, 40);
  tooLong('brand', brand, 60);
  tooLong('model', model, 80);
  if (!(typeof price === 'number' && price > 0 && price <= 100_000_000 && Math.round(price * 100) === Number((price * 100).toFixed(6)))) {
    problems.push('price: Must be a positive number with at most 2 decimals');
  }
  if (!/^[A-Z]{3}$/.test(currency)) problems.push('currency: A 3-letter ISO 4217 currency such as INR');
  if (!/^[A-Z]{2}$/.test(country)) problems.push('country: A 2-letter ISO 3166 country code such as IN');
  return problems;
}

/**
 * Undefined while attributes are still missing: frameworks often set them one by one,
 * and asking for a quote before they are all there would only produce errors.
 * Throws `invalid_configuration` for values the server would refuse, naming the
 * attribute for the merchant's developer.
 */
export function buildQuoteRequest(attributes: DeviceAttributes): QuoteRequest | undefined {
  const { category, brand, model, price, currency, country, imei } = attributes;
  if (!category.trim() || !brand.trim() || !model.trim() || typeof price !== 'number' || Number.isNaN(price) || !currency || !country)
    return undefined;
  const problems = problemsWith(attributes);
  if (problems.length > 0) {
    // Attribute values are product data, not the shopper's, so naming them is safe.
    console.warn(`[coverkit] <cover-offers> cannot ask for offers: ${problems.join('; ')}`);
    throw new ApiError({ code: 'invalid_configuration', message: problems.join('; ') });
  }
  // An IMEI typed on the host page may be wrong; the quote works without it, and the
  // form asks for it again when a plan needs it.
  const validImei = imei && isValidImei(imei) ? imei.trim() : undefined;
  return {
    device: {
      category: category.trim(),
      brand: brand.trim(),
      model: model.trim(),
      price,
      currency,
      ...(validImei ? { imei: validImei } : {}),
    },
    country,
  };
}

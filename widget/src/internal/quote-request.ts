/** Turns the element's attributes into a `POST /v1/quotes` body. */
import { ApiError } from '../api/api-error.ts';
import { imeiSchema, quoteRequestSchema } from '../api/schemas.ts';
import type { QuoteRequest } from '../api/schemas.ts';

export interface DeviceAttributes {
  category: string;
  brand: string;
  model: string;
  price: number | null | undefined;
  currency: string;
  country: string;
  imei: string;
}

/**
 * Undefined while attributes are still missing: frameworks often set them one by one,
 * and asking for a quote before they are all there would only produce errors.
 * Throws `invalid_configuration` for values the server would refuse, naming the
 * attribute for the merchant's developer.
 */
export function buildQuoteRequest(attributes: DeviceAttributes): QuoteRequest | undefined {
  const { category, brand, model, price, currency, country, imei } = attributes;
  if (!category || !brand || !model || typeof price !== 'number' || !currency || !country) return undefined;
  // An IMEI typed on the host page may be wrong; the quote works without it, and the
  // form asks for it again when a plan needs it.
  const validImei = imei && imeiSchema.safeParse(imei).success ? imei.trim() : undefined;
  const result = quoteRequestSchema.safeParse({
    device: { category, brand, model, price, currency, ...(validImei ? { imei: validImei } : {}) },
    country,
  });
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `${String(issue.path.at(-1))}: ${issue.message}`);
  // Attribute values are product data, not the shopper's, so naming them is safe.
  console.warn(`[coverkit] <cover-offers> cannot ask for offers: ${problems.join('; ')}`);
  throw new ApiError({ code: 'invalid_configuration', message: problems.join('; ') });
}

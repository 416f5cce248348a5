/**
 * Server throughput and latency with autocannon: as fast as it goes (closed loop, fixed
 * connections) and at a fixed offered rate, where errors and non-2xx answers show whether
 * the server keeps up.
 */
import { randomUUID } from 'node:crypto';
import autocannon, { type Options, type Result } from 'autocannon';
import { asha, galaxyS23, TEST_IMEI } from '../server/src/testing/test-server.ts';

/** No IMEI: BigFix answers from our premium cache; Assurify and Servify say `needs_imei`. */
export const QUOTE_BODY = JSON.stringify({ device: galaxyS23, country: 'IN' });

/**
 * With an IMEI, an Indian phone asks BigFix, Assurify and Servify; a Nigerian one asks Octamile.
 * Each request names a new price, so no answer comes from the quote cache: every quote is a
 * real burst on the sandboxes, which the provider budgets must keep under their rate limits.
 */
function allProviderBody(sequence: number): string {
  if (sequence % 2 === 0)
    return JSON.stringify({ device: { ...galaxyS23, price: galaxyS23.price + sequence, imei: TEST_IMEI }, country: 'IN' });
  const price = 485000 + sequence;
  return JSON.stringify({
    device: { category: 'Mobile', brand: 'Tecno', model: 'Camon 30', price, currency: 'NGN', imei: TEST_IMEI },
    country: 'NG',
  });
}

export interface LoadFigures {
  requestsPerSecond: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  requests: number;
  errors: number;
  non2xx: number;
}

function figures(result: Result): LoadFigures {
  return {
    requestsPerSecond: Math.round(result.requests.mean),
    latencyP50Ms: result.latency.p50,
    latencyP99Ms: result.latency.p99,
    requests: result.requests.total,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}

export async function load(options: Options): Promise<LoadFigures> {
  // Timeout in seconds: a hung server ends the run with errors instead of hanging it.
  return figures(await autocannon({ connections: 10, timeout: 10, ...options }));
}

/** The headers the widget sends from the demo page, with the publishable key. */
export function apiHeaders(baseUrl: string, key = 'pk_test_demo'): Record<string, string> {
  return { Authorization: `Bearer ${key}`, Origin: baseUrl, 'Content-Type': 'application/json' };
}

export function quoteLoad(baseUrl: string, options: Partial<Options> = {}, key = 'pk_test_demo'): Promise<LoadFigures> {
  return load({ url: `${baseUrl}/v1/quotes`, method: 'POST', headers: apiHeaders(baseUrl, key), body: QUOTE_BODY, ...options });
}

/** What the quotes of a load answered, per provider and code (`provider_busy`: our budget held the call back). */
export type UnavailableTally = Record<string, number>;

/** Quotes that reach all four sandboxes: Indian and Nigerian phones in turn, each a new device. */
export async function allProvidersQuoteLoad(
  baseUrl: string,
  options: Partial<Options> = {},
): Promise<LoadFigures & { unavailable: UnavailableTally; offers: number }> {
  const headers = apiHeaders(baseUrl);
  const unavailable: UnavailableTally = {};
  let sequence = 0;
  let offers = 0;
  const figures = await load({
    url: `${baseUrl}/v1/quotes`,
    requests: [
      {
        method: 'POST',
        headers,
        setupRequest: (request) => ({ ...request, body: allProviderBody(sequence++) }),
        onResponse: (_status, body) => {
          const answer = JSON.parse(body) as { offers?: unknown[]; unavailable?: { provider: string; code: string }[] };
          offers += answer.offers?.length ?? 0;
          for (const entry of answer.unavailable ?? []) {
            const key = `${entry.provider} ${entry.code}`;
            unavailable[key] = (unavailable[key] ?? 0) + 1;
          }
        },
      },
    ],
    ...options,
  });
  return { ...figures, unavailable, offers };
}

/** One quote, to get an offerId the order requests can use (it stays valid for the whole run). */
async function firstOffer(baseUrl: string): Promise<{ offerId: string; requires: string[] }> {
  const response = await fetch(`${baseUrl}/v1/quotes`, { method: 'POST', headers: apiHeaders(baseUrl), body: QUOTE_BODY });
  const body = (await response.json()) as { offers?: { offerId: string; requires: string[] }[] };
  const offer = body.offers?.[0];
  if (!offer) throw new Error(`the quote returned no offer (${response.status}): ${JSON.stringify(body)}`);
  return offer;
}

/** `POST /v1/orders` at a fixed rate: each request a fresh Idempotency-Key, so each is a new order. */
export async function orderLoad(baseUrl: string, options: Partial<Options>): Promise<LoadFigures> {
  const offer = await firstOffer(baseUrl);
  const device = { imei: TEST_IMEI, serial: 'R5CT1234567', brand: galaxyS23.brand, model: galaxyS23.model, brandWarrantyYears: 1 };
  const body = JSON.stringify({ offerId: offer.offerId, device, customer: asha });
  const headers = apiHeaders(baseUrl);
  return load({
    url: `${baseUrl}/v1/orders`,
    requests: [
      {
        method: 'POST',
        path: '/v1/orders',
        body,
        setupRequest: (request) => ({ ...request, headers: { ...headers, 'Idempotency-Key': randomUUID() } }),
      },
    ],
    ...options,
  });
}

export function bareHonoLoad(baseUrl: string, options: Partial<Options> = {}): Promise<LoadFigures> {
  return load({ url: `${baseUrl}/`, ...options });
}

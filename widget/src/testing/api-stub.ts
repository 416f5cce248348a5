/**
 * Test helpers: a `window.fetch` stub that records requests and answers like the /v1
 * API (shapes from DESIGN.md), and sample data. Never bundled: only tests import it.
 */
import type { Offer, Order, QuoteResponse } from '../../../contract/types.ts';

export const apiBase = 'https://api.coverkit.test';
export const publishableKey = 'pk_test_demo';

export const screenOffer: Offer = {
  offerId: 'off_bigfix_screen.signature',
  provider: 'bigfix',
  providerName: 'BigFix',
  type: 'SCREEN',
  name: 'Screen Guard',
  termMonths: 12,
  price: { amount: 1499, currency: 'INR' },
  requires: ['device.imei', 'customer.name', 'customer.email'],
  expiresAt: '2030-01-01T00:00:00.000Z',
};

export const comprehensiveOffer: Offer = {
  offerId: 'off_servify_comp.signature',
  provider: 'servify',
  providerName: 'Servify',
  type: 'COMPREHENSIVE',
  name: 'Total Care',
  termMonths: 24,
  price: { amount: 4999.5, currency: 'INR' },
  requires: ['device.serial', 'customer.name', 'customer.email', 'customer.phone', 'customer.address'],
  expiresAt: '2030-01-01T00:00:00.000Z',
};

export const quoteResponse: QuoteResponse = {
  offers: [screenOffer, comprehensiveOffer],
  unavailable: [{ provider: 'octamile', code: 'market_not_served', message: 'Octamile covers devices sold in Nigeria' }],
};

export const createdOrder: Order = {
  id: 'ord_01JABCDEF',
  livemode: false,
  status: 'awaiting_payment',
  clientSecret: 'ord_01JABCDEF_secret_abc',
  offer: {
    provider: 'bigfix',
    providerName: 'BigFix',
    type: 'SCREEN',
    name: 'Screen Guard',
    termMonths: 12,
    price: { amount: 1499, currency: 'INR' },
  },
  policy: null,
  createdAt: '2026-11-20T10:00:00.000Z',
  updatedAt: '2026-11-20T10:00:00.000Z',
};

/** A valid IMEI (passes Luhn), from DESIGN.md. */
export const validImei = '490154203237518';

export function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

export function errorResponse(status: number, code: string, message: string, fields?: { path: string; message: string }[]) {
  return json({ error: { code, message, ...(fields ? { fields } : {}), requestId: 'req_test' } }, status);
}

export interface RecordedRequest {
  method: string;
  url: string;
  headers: Headers;
  body: unknown;
}

type Handler = (request: Request) => Response | Promise<Response>;

/**
 * Replaces `window.fetch` until `restore()`. `route` answers by `METHOD path`
 * (`POST /v1/quotes`); each key may hold a list of answers used in turn, the last repeating.
 */
export function stubApi(routes: Record<string, Handler | Handler[]>) {
  const original = window.fetch;
  const requests: RecordedRequest[] = [];
  const counts = new Map<string, number>();
  window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = input instanceof Request ? input : new Request(input, init);
    const text = await request.clone().text();
    requests.push({
      method: request.method,
      url: request.url,
      headers: request.headers,
      body: text ? JSON.parse(text) : undefined,
    });
    const key = `${request.method} ${new URL(request.url).pathname}`;
    const answers = routes[key];
    if (!answers) return errorResponse(404, 'not_found', `No stub for ${key}`);
    const list = Array.isArray(answers) ? answers : [answers];
    const count = counts.get(key) ?? 0;
    counts.set(key, count + 1);
    return list[Math.min(count, list.length - 1)]!(request);
  };
  return {
    requests,
    restore: () => {
      window.fetch = original;
    },
  };
}

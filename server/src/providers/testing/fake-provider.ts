/**
 * A small fifth provider for tests: a module with an adapter, a sandbox, events and its own
 * environment variable, registered by passing a provider list (never by editing the registry).
 * It covers Kenyan phones in KES with one screen plan.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { Hono } from 'hono';
import { z } from 'zod';
import { ProviderError } from '../../errors.ts';
import { addMonths, fetchFromProvider, readJson } from '../kit/http.ts';
import { defineProvider, type ProviderConfigBase } from '../types.ts';

export interface FakeProviderConfig extends ProviderConfigBase {
  baseUrl: string;
  apiKey: string;
  eventSecret: string;
}

const eventSchema = z.object({ id: z.string().min(1), type: z.literal('policy.cancelled'), orderId: z.string().min(1) });

/** `x-fake-signature: hex(HMAC-SHA256(eventSecret, raw body))`. */
export function signFakeEvent(secret: string, rawBody: string): string {
  return createHmac('sha256', secret).update(rawBody).digest('hex');
}

const planSchema = z.object({ code: z.string(), name: z.string(), months: z.number().int(), premium: z.number() });
const policySchema = z.object({ policyNumber: z.string(), startsOn: z.string() });

/** The fake insurer's own API: `GET /plans?price=` and `POST /policies`, behind an API key. */
function createFakeSandbox({ apiKey }: { apiKey: string }) {
  const policies = new Map<string, string>();
  return new Hono()
    .use(async (context, next) => {
      if (context.req.header('x-api-key') !== apiKey) return context.json({ error: 'bad key' }, 401);
      await next();
    })
    .get('/plans', (context) => {
      const price = Number(context.req.query('price'));
      return context.json([{ code: 'SCR12', name: 'Screen cover, 1 year', months: 12, premium: Math.round(price * 0.06) }]);
    })
    .post('/policies', async (context) => {
      const { reference } = (await context.req.json()) as { reference: string };
      // Deduplicates on our order reference, as a careful insurer does.
      const policyNumber = policies.get(reference) ?? `FK-${randomBytes(4).toString('hex').toUpperCase()}`;
      policies.set(reference, policyNumber);
      return context.json({ policyNumber, startsOn: new Date().toISOString().slice(0, 10) }, 201);
    });
}

export function createFakeProvider({ id = 'fakefix', displayName = 'FakeFix Kenya' } = {}) {
  const variable = `${id.toUpperCase()}_BASE_URL`;
  return defineProvider({
    id,
    displayName,
    environment: { [variable]: z.url({ error: 'must be an http(s) URL' }).optional() },
    readConfig: (env, { sandboxUrl }): FakeProviderConfig => {
      const baseUrl = env[variable] as string | undefined;
      const eventSecret = 'fake_event_secret';
      return baseUrl
        ? { mode: 'live', baseUrl, apiKey: 'live', eventSecret }
        : { mode: 'sandbox', baseUrl: sandboxUrl, apiKey: 'fake_sandbox_key', eventSecret };
    },
    createAdapter: (config) => {
      const call = async (path: string, signal: AbortSignal, body?: unknown) => {
        const response = await fetchFromProvider(id, `${config.baseUrl}${path}`, {
          method: body === undefined ? 'GET' : 'POST',
          headers: { 'x-api-key': config.apiKey, 'content-type': 'application/json' },
          body: body === undefined ? undefined : JSON.stringify(body),
          signal,
        });
        if (!response.ok) {
          throw new ProviderError({
            provider: id,
            failure: 'provider_error',
            providerCode: `HTTP ${response.status}`,
            shopperMessage: 'This plan cannot be bought right now.',
            status: response.status,
          });
        }
        return readJson(id, response);
      };
      return {
        id,
        displayName,
        mode: config.mode,
        bindRetrySafe: true,
        async quote({ device, country, signal }) {
          if (country !== 'KE' || device.currency !== 'KES') {
            return { kind: 'unavailable', code: 'unsupported_market', message: `${displayName} covers phones bought in Kenya.` };
          }
          const plans = z.array(planSchema).parse(await call(`/plans?price=${device.price}`, signal));
          return {
            kind: 'plans',
            plans: plans.map((plan) => ({
              type: 'SCREEN' as const,
              planCode: plan.code,
              name: plan.name,
              termMonths: plan.months,
              price: { amount: plan.premium, currency: 'KES' },
              requires: ['customer.name', 'customer.email'],
              covers: ['Cracked screen'],
            })),
          };
        },
        async bind({ orderId, offer, signal }) {
          const policy = policySchema.parse(await call('/policies', signal, { reference: orderId, plan: offer.planCode }));
          return {
            status: 'active',
            policy: {
              reference: policy.policyNumber,
              startsAt: policy.startsOn,
              endsAt: addMonths(policy.startsOn, offer.termMonths),
              activationCode: null,
              certificate: false,
            },
          };
        },
        async status() {
          return null;
        },
        async catalog() {
          return { categories: ['Mobile'], brands: [{ name: 'Tecno', category: 'Mobile' }], currencies: ['KES'], countries: ['KE'] };
        },
      };
    },
    createSandbox: (config) => createFakeSandbox({ apiKey: config.apiKey }),
    // The insurer tells us when it cancels a policy on its side.
    events: {
      async verify(config, rawBody, header) {
        const expected = Buffer.from(signFakeEvent(config.eventSecret, rawBody));
        const given = Buffer.from(header('x-fake-signature') ?? '');
        return given.length === expected.length && timingSafeEqual(given, expected)
          ? { ok: true }
          : { ok: false, code: 'invalid_signature', message: 'The event signature does not match' };
      },
      parse(rawBody) {
        let parsed;
        try {
          parsed = eventSchema.safeParse(JSON.parse(rawBody));
        } catch {
          return { ok: false, code: 'invalid_event', message: 'The event is not JSON' };
        }
        return parsed.success
          ? { ok: true, event: { id: parsed.data.id, type: parsed.data.type, payload: parsed.data } }
          : { ok: false, code: 'invalid_event', message: 'Not an event of ours' };
      },
      async locate(event, { store }) {
        const order = await store.getOrderById(event.payload.orderId);
        return order?.offer.provider === id ? order : { refused: 'unknown_order', code: 'order_not_found', message: 'No such order' };
      },
      async apply(_event, order, { applyToOrder }) {
        if (order) await applyToOrder({ orderId: order.id, from: ['active'], status: 'cancelled' });
        return { ok: true };
      },
      duplicateReply: { ok: true, duplicate: true },
    },
    sample: {
      device: { category: 'Mobile', brand: 'Tecno', model: 'Spark 20', price: 20000, currency: 'KES' },
      country: 'KE',
      customer: { name: 'Wanjiru Kamau', email: 'wanjiru.kamau@example.com', phone: '+254712345678' },
      orderDevice: {},
    },
  });
}

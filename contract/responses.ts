/**
 * The /v1 response schemas: what `GET /v1/openapi.json` documents for every 2xx and error
 * answer, and what the spec test holds real responses to. The server never parses its own
 * answers with them; `types.ts` may later derive its interfaces from here.
 */
import * as z from 'zod/mini';

import { claimRequirableFields, claimStatuses, claimTypes } from './claims.ts';
import { apiErrorCodes } from './error-codes.ts';
import { amountSchema, currencySchema, requirableFields } from './schemas.ts';
import { coverkitEventTypes } from './types.ts';

const timestamp = z.string().register(z.globalRegistry, { format: 'date-time' });
const nullableTimestamp = z.nullable(timestamp);

export const moneySchema = z.object({ amount: amountSchema, currency: currencySchema }).register(z.globalRegistry, {
  description: 'Money in major units with at most 2 decimals, and an ISO 4217 currency',
});

export const planTypeSchema = z.enum(['EW', 'ADLD', 'SCREEN', 'COMPREHENSIVE']);

export const offerSchema = z.object({
  offerId: z.string().register(z.globalRegistry, { description: 'Signed and expiring: the price bound is the price quoted' }),
  provider: z.string(),
  providerName: z.optional(z.string()),
  type: planTypeSchema,
  name: z.string(),
  termMonths: z.int(),
  price: moneySchema,
  requires: z.array(z.enum(requirableFields)),
  expiresAt: timestamp,
  covers: z.optional(z.array(z.string())),
  termsUrl: z.optional(z.string()),
});

export const unavailableSchema = z.object({ provider: z.string(), code: z.string(), message: z.string() });

export const quoteResponseSchema = z.object({ offers: z.array(offerSchema), unavailable: z.array(unavailableSchema) });

export const orderStatusSchema = z.enum([
  'awaiting_payment',
  'binding',
  'active',
  'pending_activation',
  'pending',
  'declined',
  'failed',
  'cancelled',
]);

export const policySchema = z.object({
  provider: z.string(),
  reference: z.string(),
  startsAt: nullableTimestamp,
  endsAt: nullableTimestamp,
  activationCode: z.nullable(z.string()),
  certificate: z.boolean(),
});

export const orderSchema = z.object({
  id: z.string(),
  livemode: z.boolean().register(z.globalRegistry, { description: 'True for an order made in live mode (live keys, live providers)' }),
  status: orderStatusSchema,
  clientSecret: z.optional(
    z.string().register(z.globalRegistry, { description: 'Only when the order is created: the shopper reads the order with it' }),
  ),
  offer: z.object({
    provider: z.string(),
    providerName: z.optional(z.string()),
    type: planTypeSchema,
    name: z.string(),
    termMonths: z.int(),
    price: moneySchema,
    covers: z.optional(z.array(z.string())),
  }),
  policy: z.nullable(policySchema),
  failureReason: z.optional(z.nullable(z.string())),
  chargedPrice: z.optional(
    z.nullable(z.object({ amount: amountSchema, currency: currencySchema })).register(z.globalRegistry, {
      description: 'What the insurer reported charging at the bind, where it differs from offer.price; null otherwise',
    }),
  ),
  priceDifference: z.optional(
    z.nullable(z.object({ amount: z.number(), currency: currencySchema })).register(z.globalRegistry, {
      description: 'chargedPrice − offer.price (positive: the insurer charged more); null where they match',
    }),
  ),
  cancellationReason: z.optional(z.nullable(z.string())),
  cancelledAt: z.optional(nullableTimestamp),
  metadata: z.record(z.string(), z.string()).register(z.globalRegistry, {
    description: "The merchant's own references given when the order was created ({} when none)",
  }),
  createdAt: timestamp,
  updatedAt: timestamp,
});

export const orderResponseSchema = z.object({ order: orderSchema });

export const catalogSchema = z.object({
  categories: z.array(z.string()),
  brands: z.array(z.object({ name: z.string(), category: z.string(), models: z.array(z.string()), providers: z.array(z.string()) })),
  currencies: z.array(z.string()),
  countries: z.array(z.string()),
  providers: z.array(z.object({ id: z.string(), name: z.string(), mode: z.enum(['sandbox', 'live']) })),
});

export const healthSchema = z.object({
  status: z.literal('ok'),
  providers: z.record(z.string(), z.object({ mode: z.enum(['sandbox', 'live']), ok: z.boolean() })),
});

/** What a provider's events route answers: the acknowledgement that provider expects. */
export const providerEventReplySchema = z.looseObject({}).register(z.globalRegistry, {
  description:
    'The acknowledgement the provider expects, e.g. {"received": true} (Assurify) or {"success": true, "message": "…"} (Servify)',
});

export const errorEnvelopeSchema = z.object({
  error: z.object({
    code: z.enum(apiErrorCodes),
    message: z.string(),
    fields: z.optional(z.array(z.object({ path: z.string(), message: z.string() }))),
    requestId: z.string(),
  }),
});

// Claims (issue 14): GET /v1/orders/{id}/claim-options, the claim routes, portal sessions.
export const claimStatusSchema = z.enum(claimStatuses);
export const claimTypeSchema = z.enum(claimTypes);

export const claimOptionsSchema = z.object({
  types: z.array(claimTypeSchema),
  issues: z.array(z.object({ code: z.string(), category: z.string(), label: z.string() })),
  slots: z.array(
    z.object({ code: z.string(), date: z.string(), from: z.string(), to: z.string(), kind: z.enum(['carry_in', 'pickup', 'onsite']) }),
  ),
  requires: z.array(z.enum(claimRequirableFields)),
  contact: z
    .nullable(z.object({ phone: z.nullable(z.string()), email: z.nullable(z.string()), url: z.nullable(z.string()) }))
    .register(z.globalRegistry, { description: 'How to claim, where the provider has no claims API; null otherwise' }),
});

export const claimSchema = z.object({
  id: z.string(),
  orderId: z.string(),
  livemode: z.boolean(),
  provider: z.string(),
  status: claimStatusSchema,
  type: claimTypeSchema,
  reference: z.nullable(z.string()).register(z.globalRegistry, { description: "The provider's reference for the claim" }),
  incident: z.object({ date: z.string(), description: z.string() }),
  appointment: z.nullable(z.object({ code: z.string(), date: z.string(), from: z.string(), to: z.string() })),
  decision: z.nullable(
    z.object({
      outcome: z.enum(['approved', 'rejected']),
      reasons: z.array(z.string()),
      payout: z.nullable(z.object({ amount: amountSchema, currency: currencySchema, reference: z.string() })),
    }),
  ),
  timeline: z.array(z.object({ status: claimStatusSchema, at: timestamp })),
  createdAt: timestamp,
  updatedAt: timestamp,
});

export const claimResponseSchema = z.object({ claim: claimSchema });
export const claimListSchema = z.object({ data: z.array(claimSchema), hasMore: z.boolean() });

export const portalSessionSchema = z.object({
  orderId: z.string(),
  clientSecret: z.string().register(z.globalRegistry, {
    description: 'Give it to <cover-policy> as its clientSecret property; it reads the order and takes claims until expiresAt',
  }),
  expiresAt: timestamp,
});
export const portalSessionResponseSchema = z.object({ portalSession: portalSessionSchema });

/** `GET /v1/orders`: newest first; `hasMore` says a next page starts after the last id. */
export const orderListSchema = z.object({ data: z.array(orderSchema), hasMore: z.boolean() });

export const eventDeliverySchema = z
  .object({
    state: z.enum(['pending', 'delivered', 'failed', 'not_sent']),
    attempts: z.int(),
    lastStatus: z.nullable(z.int()),
    lastError: z.nullable(z.string()),
    nextAttemptAt: nullableTimestamp,
    deliveredAt: nullableTimestamp,
  })
  .register(z.globalRegistry, {
    description:
      'How delivery to the webhook endpoint went: `pending` (retried with backoff for 3 days), `delivered` (answered 2xx), `failed` (given up; resend it), `not_sent` (no endpoint)',
  });

/** An event as listed: the body POSTed to the merchant (`id`, `type`, `created`, `livemode`, `data`) and its delivery. */
export const eventSchema = z.object({
  id: z.string(),
  type: z.enum(coverkitEventTypes),
  created: z.int().register(z.globalRegistry, { description: 'Unix seconds' }),
  livemode: z.boolean(),
  data: z.union([z.object({ order: orderSchema }), z.object({ claim: claimSchema })]).register(z.globalRegistry, {
    description: '`{order}` for order.* events (the order as GET /v1/orders/{id} shows it), `{claim}` for claim.*',
  }),
  delivery: eventDeliverySchema,
});

export const eventResponseSchema = z.object({ event: eventSchema });
export const eventListSchema = z.object({ data: z.array(eventSchema), hasMore: z.boolean() });

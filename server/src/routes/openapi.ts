/**
 * `GET /v1/openapi.json`, generated from the same zod schemas the routes enforce (requests,
 * contract/schemas.ts) and answer with (responses, contract/responses.ts). Checked by
 * Redocly's recommended rules and against real responses in openapi.test.ts.
 */
import { Hono } from 'hono';
import * as z from 'zod/mini';
import {
  catalogSchema,
  errorEnvelopeSchema,
  eventListSchema,
  eventResponseSchema,
  eventSchema,
  orderListSchema,
  healthSchema,
  moneySchema,
  offerSchema,
  orderResponseSchema,
  orderSchema,
  providerEventReplySchema,
  quoteResponseSchema,
  unavailableSchema,
} from '../../../contract/responses.ts';
import {
  amountSchema,
  cancelOrderRequestSchema,
  confirmOrderRequestSchema,
  createOrderRequestSchema,
  quoteRequestSchema,
} from '../../../contract/schemas.ts';
import { merchantPaths } from './openapi-merchant-paths.ts';

type JsonObject = Record<string, unknown>;

/** Named component schemas: `$ref`s between them instead of copies. */
function componentSchemas(schemas: Record<string, z.ZodMiniType>, io: 'input' | 'output'): Record<string, JsonObject> {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(schemas)) registry.add(schema, { id });
  const { schemas: generated } = z.toJSONSchema(registry, {
    target: 'openapi-3.0',
    io,
    uri: (id) => `#/components/schemas/${id}`,
    // The refine that caps money at 2 decimals has no JSON Schema form; multipleOf says the same.
    override: ({ zodSchema, jsonSchema }) => {
      if (zodSchema === amountSchema) jsonSchema.multipleOf = 0.01;
      // z.int() bounds itself to safe integers: true, and noise in a reference.
      if (jsonSchema.type === 'integer' && jsonSchema.maximum === Number.MAX_SAFE_INTEGER) {
        delete jsonSchema.minimum;
        delete jsonSchema.maximum;
      }
    },
  });
  return Object.fromEntries(
    Object.entries(generated).map(([id, schema]) => {
      const { $id: _id, $schema: _schema, ...rest } = schema as JsonObject;
      return [id, rest];
    }),
  );
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: JsonObject, example?: unknown) => ({
  'application/json': { schema, ...(example === undefined ? {} : { example }) },
});

const galaxyS23 = { category: 'Mobile', brand: 'Samsung', model: 'Galaxy S23', price: 74999, currency: 'INR', imei: '490154203237518' };
const exampleOffer = {
  offerId: 'off_eyJ…',
  provider: 'bigfix',
  providerName: 'BigFix',
  type: 'ADLD',
  name: 'Accidental & liquid damage, 1 year',
  termMonths: 12,
  price: { amount: 1499, currency: 'INR' },
  requires: ['device.imei', 'customer.name', 'customer.email', 'customer.phone'],
  expiresAt: '2026-12-01T12:30:00.000Z',
};
const exampleOrder = {
  id: 'ord_9f2c1a',
  livemode: false,
  status: 'awaiting_payment',
  clientSecret: 'ord_9f2c1a_secret_4XkP…',
  offer: {
    provider: 'bigfix',
    type: 'ADLD',
    name: 'Accidental & liquid damage, 1 year',
    termMonths: 12,
    price: { amount: 1499, currency: 'INR' },
  },
  policy: null,
  metadata: { cartId: 'c_991', sku: 'galaxy-s23' },
  createdAt: '2026-12-01T12:00:00.000Z',
  updatedAt: '2026-12-01T12:00:00.000Z',
};

const headers = {
  requestId: { $ref: '#/components/headers/RequestId' },
  replayed: { $ref: '#/components/headers/IdempotentReplayed' },
  retryAfter: { $ref: '#/components/headers/RetryAfter' },
};

function success(
  description: string,
  schema: JsonObject,
  { idempotent = false, example }: { idempotent?: boolean; example?: unknown } = {},
) {
  return {
    description,
    headers: { 'X-Request-Id': headers.requestId, ...(idempotent ? { 'Idempotent-Replayed': headers.replayed } : {}) },
    content: json(schema, example),
  };
}

/** Each error status, the codes it carries, and whether it says when to retry. */
const errorStatuses: Record<string, { name: string; description: string; retryAfter?: boolean }> = {
  '400': {
    name: 'BadRequest',
    description:
      'The request is malformed: `invalid_request` (with `fields`), `invalid_json`, `invalid_multipart`, `invalid_offer`, `offer_expired`, `idempotency_key_required`, `invalid_idempotency_key`, `unsupported_video_type`',
  },
  '401': { name: 'Unauthorized', description: 'No key or an unknown key: `missing_key`, `invalid_key`, `invalid_signature`' },
  '403': {
    name: 'Forbidden',
    description:
      'The key may not do this: `secret_key_required`, `publishable_key_required`, `origin_not_allowed` (a publishable key from an origin the merchant did not allow)',
  },
  '404': { name: 'NotFound', description: '`not_found`, `order_not_found`, `certificate_not_ready`' },
  '409': {
    name: 'Conflict',
    description:
      'The order is in the wrong state (`order_binding`, `order_not_confirmable`, `order_not_cancellable`, `cancellation_not_supported`, …) or a request with the same `Idempotency-Key` is still in flight (`idempotency_key_in_flight`, with `Retry-After`)',
    retryAfter: true,
  },
  '413': { name: 'PayloadTooLarge', description: '`payload_too_large` (JSON bodies above 64 KB), `video_too_large`' },
  '415': { name: 'UnsupportedMediaType', description: '`unsupported_media_type`: JSON routes take only `application/json`' },
  '422': {
    name: 'UnprocessableEntity',
    description: '`idempotency_key_reused` with a different body, or `provider_declined`: the insurer said no',
  },
  '429': { name: 'TooManyRequests', description: '`rate_limited` or `provider_busy`; retry after `Retry-After` seconds', retryAfter: true },
  '500': { name: 'InternalError', description: '`internal_error`: a fault on our side' },
  '502': { name: 'BadGateway', description: '`provider_error`: the insurer failed' },
  '503': { name: 'ServiceUnavailable', description: '`order_not_ready`: retry after `Retry-After` seconds', retryAfter: true },
  '504': { name: 'GatewayTimeout', description: '`provider_timeout`: the insurer did not answer in time (a bind stays `binding`)' },
};

function errors(...statuses: string[]) {
  return Object.fromEntries(statuses.map((status) => [status, { $ref: `#/components/responses/${errorStatuses[status]!.name}` }]));
}

const publicErrors = ['400', '401', '403', '404', '413', '415', '429', '500'];
const providerErrors = ['502', '504'];
const idempotentErrors = ['409', '422'];

const security = {
  none: [],
  publishableOrSecret: [{ publishableKey: [] }, { secretKey: [] }],
  secret: [{ secretKey: [] }],
  publishableWithClientSecret: [{ publishableKey: [], clientSecret: [] }],
  orderReader: [{ secretKey: [] }, { publishableKey: [], clientSecret: [] }],
};

const parameters = {
  idempotencyKey: { $ref: '#/components/parameters/IdempotencyKey' },
  orderId: { $ref: '#/components/parameters/OrderId' },
  clientSecret: { $ref: '#/components/parameters/ClientSecret' },
};

function body(name: string, example?: unknown) {
  return { required: true, content: json(ref(name), example) };
}

const eventResponses = {
  '200': success('Stored, or a replay acknowledged without effect', ref('ProviderEventReply')),
  ...errors('400', '401', '404', '413', '429', '500', '503'),
};

export function buildOpenApiDocument() {
  return {
    openapi: '3.0.3',
    info: {
      title: 'Coverkit API',
      version: '1.0.0',
      description:
        'Device protection plans from several providers, behind one API. Browsers use the publishable key (`pk_test_…`/`pk_live_…`) from an allowed origin; the merchant\'s server uses the secret key (`sk_…`). Both go in `Authorization: Bearer …`. Every error is the same envelope, `{"error": {"code", "message", "fields"?, "requestId"}}`.',
      license: { name: 'Proprietary', url: 'https://coverkit.example/terms' },
    },
    servers: [{ url: '/', description: 'The server this document came from' }],
    tags: [
      { name: 'System', description: 'Health and this document' },
      { name: 'Catalog', description: "What the merchant's providers cover, for device pickers" },
      { name: 'Quotes', description: 'Offers for a device from every enabled provider' },
      { name: 'Orders', description: 'Buying, confirming, reading and cancelling a plan' },
      { name: 'Provider events', description: 'Webhooks and async results from providers, verified by their signature' },
      {
        name: 'Events',
        description:
          'Events to the merchant (`order.created`, `order.active`, `order.pending`, `order.failed`, `order.declined`, `order.cancelled`, `claim.created`, `claim.updated`), POSTed signed to its webhook endpoint: `Coverkit-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(webhookSecret, "<t>.<raw body>")>`',
      },
    ],
    security: security.publishableOrSecret,
    components: {
      securitySchemes: {
        publishableKey: {
          type: 'http',
          scheme: 'bearer',
          description: "`pk_test_…`/`pk_live_…`: public, sent by the widget; only from the merchant's allowed origins (CORS)",
        },
        secretKey: {
          type: 'http',
          scheme: 'bearer',
          description: "`sk_test_…`/`sk_live_…`: from the merchant's server only (a request with an `Origin` header is refused)",
        },
        clientSecret: {
          type: 'apiKey',
          in: 'header',
          name: 'X-Client-Secret',
          description: "The order's `clientSecret` (from its creation or a portal session), beside a publishable key",
        },
      },
      parameters: {
        IdempotencyKey: {
          name: 'Idempotency-Key',
          in: 'header',
          required: true,
          description: 'The same key and body within 24 h returns the first result; a different body is 422; still in flight is 409',
          schema: { type: 'string', minLength: 1, maxLength: 255 },
        },
        OrderId: { name: 'id', in: 'path', required: true, description: 'The order id (`ord_…`)', schema: { type: 'string' } },
        ClientSecret: {
          name: 'X-Client-Secret',
          in: 'header',
          required: false,
          description: "The order's `clientSecret`, with a publishable key",
          schema: { type: 'string' },
        },
      },
      headers: {
        RequestId: { description: 'Quote it when asking for help; also in every error body', schema: { type: 'string' } },
        IdempotentReplayed: {
          description: '`true` when this is the stored answer to an earlier request with the same `Idempotency-Key`',
          schema: { type: 'string', enum: ['true'] },
        },
        RetryAfter: { description: 'Seconds to wait before retrying', schema: { type: 'integer', minimum: 0 } },
      },
      responses: Object.fromEntries(
        Object.values(errorStatuses).map(({ name, description, retryAfter }) => [
          name,
          {
            description,
            headers: { 'X-Request-Id': headers.requestId, ...(retryAfter ? { 'Retry-After': headers.retryAfter } : {}) },
            content: json(ref('Error')),
          },
        ]),
      ),
      schemas: {
        ...componentSchemas(
          {
            QuoteRequest: quoteRequestSchema,
            CreateOrderRequest: createOrderRequestSchema,
            ConfirmOrderRequest: confirmOrderRequestSchema,
            CancelOrderRequest: cancelOrderRequestSchema,
          },
          'input',
        ),
        ...componentSchemas(
          {
            Money: moneySchema,
            Offer: offerSchema,
            Unavailable: unavailableSchema,
            QuoteResponse: quoteResponseSchema,
            Order: orderSchema,
            OrderResponse: orderResponseSchema,
            Catalog: catalogSchema,
            Health: healthSchema,
            ProviderEventReply: providerEventReplySchema,
            Error: errorEnvelopeSchema,
            OrderList: orderListSchema,
            Event: eventSchema,
            EventResponse: eventResponseSchema,
            EventList: eventListSchema,
          },
          'output',
        ),
      },
    },
    paths: {
      '/v1/health': {
        get: {
          operationId: 'getHealth',
          tags: ['System'],
          summary: 'Service and provider health',
          security: security.none,
          responses: { '200': success('Each provider: sandbox or live, and whether it answers', ref('Health')), ...errors('429', '500') },
        },
      },
      '/v1/openapi.json': {
        get: {
          operationId: 'getOpenApiDocument',
          tags: ['System'],
          summary: 'This document (a readable version is at /v1/docs)',
          security: security.none,
          responses: { '200': success('OpenAPI 3.0 document', { type: 'object' }), ...errors('429', '500') },
        },
      },
      '/v1/docs': {
        get: {
          operationId: 'getApiReference',
          tags: ['System'],
          summary: 'This document as a readable HTML page',
          security: security.none,
          responses: {
            '200': {
              description: 'HTML, no script',
              headers: { 'X-Request-Id': headers.requestId },
              content: { 'text/html': { schema: { type: 'string' } } },
            },
            ...errors('429', '500'),
          },
        },
      },
      '/v1/catalog': {
        get: {
          operationId: 'getCatalog',
          tags: ['Catalog'],
          summary: 'Categories, brands, models, currencies and providers',
          responses: { '200': success('Catalog', ref('Catalog')), ...errors(...publicErrors) },
        },
      },
      '/v1/quotes': {
        post: {
          operationId: 'createQuote',
          tags: ['Quotes'],
          summary: 'Offers for a device from every enabled provider',
          description: 'A provider that cannot quote this device is an `unavailable` entry with a reason, not an error.',
          requestBody: body('QuoteRequest', { device: galaxyS23, country: 'IN' }),
          responses: {
            '200': success('Offers, and the providers that could not quote', ref('QuoteResponse'), {
              example: {
                offers: [exampleOffer],
                unavailable: [{ provider: 'octamile', code: 'unsupported_market', message: 'Octamile covers Nigeria' }],
              },
            }),
            ...errors(...publicErrors, ...providerErrors),
          },
        },
      },
      '/v1/orders': {
        ...merchantPaths(merchantHelpers)['/v1/orders'],
        post: {
          operationId: 'createOrder',
          tags: ['Orders'],
          summary: 'Create an order for an offer',
          description: "Answers an order `awaiting_payment` and its `clientSecret`, which the shopper's later reads need.",
          parameters: [parameters.idempotencyKey],
          requestBody: body('CreateOrderRequest', {
            offerId: 'off_eyJ…',
            device: { imei: '490154203237518', brandWarrantyYears: 1 },
            customer: { name: 'Asha Rao', email: 'asha.rao@example.com', phone: '+919812345678' },
            metadata: { cartId: 'c_991', sku: 'galaxy-s23' },
          }),
          responses: {
            '201': success('The order, awaiting payment, with its clientSecret', ref('OrderResponse'), {
              idempotent: true,
              example: { order: exampleOrder },
            }),
            ...errors(...publicErrors, ...idempotentErrors),
          },
        },
      },
      '/v1/orders/{id}': {
        get: {
          operationId: 'getOrder',
          tags: ['Orders'],
          summary: 'Order and policy status, refreshed from the provider',
          security: security.orderReader,
          parameters: [parameters.orderId, parameters.clientSecret],
          responses: { '200': success('The order', ref('OrderResponse')), ...errors(...publicErrors, ...providerErrors) },
        },
      },
      '/v1/orders/{id}/confirm': {
        post: {
          operationId: 'confirmOrder',
          tags: ['Orders'],
          summary:
            'Bind after payment (secret key). A `failed` order whose insurer was down or busy may be confirmed again with a new Idempotency-Key while its offer is valid; otherwise 409 order_not_confirmable says to re-quote',
          security: security.secret,
          parameters: [parameters.orderId, parameters.idempotencyKey],
          requestBody: body('ConfirmOrderRequest', { paymentReference: 'pay_123' }),
          responses: {
            '200': success(
              'The order: active, pending_activation, pending, declined or failed; `chargedPrice` and `priceDifference` where the insurer charged other than the quote',
              ref('OrderResponse'),
              {
                idempotent: true,
              },
            ),
            ...errors(...publicErrors, ...idempotentErrors, ...providerErrors),
          },
        },
      },
      '/v1/orders/{id}/cancel': {
        post: {
          operationId: 'cancelOrder',
          tags: ['Orders'],
          summary: 'Cancel where the provider allows it; 409 where it does not',
          security: security.secret,
          parameters: [parameters.orderId, parameters.idempotencyKey],
          requestBody: body('CancelOrderRequest', { reason: 'Returned the phone' }),
          responses: {
            '200': success('The cancelled order', ref('OrderResponse'), { idempotent: true }),
            ...errors(...publicErrors, ...idempotentErrors, ...providerErrors),
          },
        },
      },
      '/v1/orders/{id}/activation': {
        post: {
          operationId: 'uploadActivationVideo',
          tags: ['Orders'],
          summary: 'Upload the verification video of an order pending activation (Octamile)',
          security: security.publishableWithClientSecret,
          parameters: [parameters.orderId, parameters.clientSecret],
          requestBody: {
            required: true,
            content: {
              'multipart/form-data': {
                schema: {
                  type: 'object',
                  required: ['video'],
                  properties: {
                    video: {
                      type: 'string',
                      format: 'binary',
                      description: 'video/* file, at most COVERKIT_ACTIVATION_VIDEO_MAX_BYTES (50 MB)',
                    },
                  },
                },
              },
            },
          },
          responses: {
            '200': success('The order, now pending review', ref('OrderResponse')),
            ...errors(...publicErrors, '409', ...providerErrors),
          },
        },
      },
      '/v1/orders/{id}/certificate': {
        get: {
          operationId: 'getOrderCertificate',
          tags: ['Orders'],
          summary: 'The policy certificate file',
          description: '404 `certificate_not_ready` until the insurer approves.',
          security: security.orderReader,
          parameters: [parameters.orderId, parameters.clientSecret],
          responses: {
            '200': {
              description: 'The certificate',
              headers: { 'X-Request-Id': headers.requestId },
              content: {
                'application/pdf': { schema: { type: 'string', format: 'binary' } },
                'image/png': { schema: { type: 'string', format: 'binary' } },
                'image/jpeg': { schema: { type: 'string', format: 'binary' } },
              },
            },
            ...errors(...publicErrors, '409', ...providerErrors),
          },
        },
      },
      '/v1/providers/{provider}/events': {
        post: {
          operationId: 'receiveProviderEvent',
          tags: ['Provider events'],
          summary: "A provider's events, verified with that provider's signature and stored once",
          security: security.none,
          parameters: [
            { name: 'provider', in: 'path', required: true, description: 'The provider id, e.g. `assurify`', schema: { type: 'string' } },
          ],
          requestBody: { required: true, content: { 'application/json': { schema: { type: 'object' } } } },
          responses: eventResponses,
        },
      },
      '/v1/webhooks/assurify': {
        post: {
          operationId: 'receiveAssurifyWebhook',
          tags: ['Provider events'],
          summary: 'Assurify events (alias of /v1/providers/assurify/events)',
          description: 'Signed `X-Assurify-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>`.',
          security: security.none,
          parameters: [{ name: 'X-Assurify-Signature', in: 'header', required: true, schema: { type: 'string' } }],
          requestBody: {
            required: true,
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['id', 'type', 'data'],
                  properties: { id: { type: 'string' }, type: { type: 'string' }, data: { type: 'object' } },
                },
              },
            },
          },
          responses: eventResponses,
        },
      },
      '/v1/callbacks/servify': {
        post: {
          operationId: 'receiveServifyCallback',
          tags: ['Provider events'],
          summary: 'Servify async results (alias of /v1/providers/servify/events)',
          description: 'Signed `x-servify-signature: base64(HMAC-SHA256(secret, raw body))`.',
          security: security.none,
          parameters: [{ name: 'x-servify-signature', in: 'header', required: true, schema: { type: 'string' } }],
          requestBody: { required: true, content: { 'application/json': { schema: { type: 'object' } } } },
          responses: eventResponses,
        },
      },
      ...withoutOrders(merchantPaths(merchantHelpers)),
    },
  };
}

const merchantHelpers = { success, errors, ref, secret: security.secret, publicErrors };
/** `/v1/orders` is merged into its path above (GET beside POST). */
function withoutOrders(paths: Record<string, unknown>) {
  const { ['/v1/orders']: _orders, ...rest } = paths;
  return rest;
}

export function openApiRoutes() {
  const document = buildOpenApiDocument();
  return new Hono().get('/', (context) => context.json(document));
}

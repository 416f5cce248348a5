/** `GET /v1/openapi.json`, generated from the same zod schemas the routes enforce. */
import { Hono } from 'hono';
import * as z from 'zod/mini';
import {
  cancelOrderRequestSchema,
  confirmOrderRequestSchema,
  createOrderRequestSchema,
  quoteRequestSchema,
} from '../../../contract/schemas.ts';

const jsonSchema = (schema: z.ZodMiniType) => z.toJSONSchema(schema, { target: 'openapi-3.0', io: 'input' });

const errorResponse = {
  description: 'Error envelope',
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
};
const idempotencyKey = { name: 'Idempotency-Key', in: 'header', required: true, schema: { type: 'string', maxLength: 255 } };
const orderId = { name: 'id', in: 'path', required: true, schema: { type: 'string' } };
const clientSecret = {
  name: 'X-Client-Secret',
  in: 'header',
  required: false,
  schema: { type: 'string' },
  description: 'With a publishable key',
};

function body(name: string) {
  return { required: true, content: { 'application/json': { schema: { $ref: `#/components/schemas/${name}` } } } };
}

export function buildOpenApiDocument() {
  const errors = {
    '400': errorResponse,
    '401': errorResponse,
    '403': errorResponse,
    '404': errorResponse,
    '409': errorResponse,
    '422': errorResponse,
    '429': errorResponse,
    '502': errorResponse,
    '504': errorResponse,
  };
  return {
    openapi: '3.0.3',
    info: { title: 'Coverkit API', version: '1.0.0', description: 'Device protection plans from several providers, behind one API.' },
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'pk_… (browser, allowed origins) or sk_… (server)' } },
      schemas: {
        QuoteRequest: jsonSchema(quoteRequestSchema),
        CreateOrderRequest: jsonSchema(createOrderRequestSchema),
        ConfirmOrderRequest: jsonSchema(confirmOrderRequestSchema),
        CancelOrderRequest: jsonSchema(cancelOrderRequestSchema),
        Error: {
          type: 'object',
          required: ['error'],
          properties: {
            error: {
              type: 'object',
              required: ['code', 'message', 'requestId'],
              properties: {
                code: { type: 'string' },
                message: { type: 'string' },
                requestId: { type: 'string' },
                fields: { type: 'array', items: { type: 'object', properties: { path: { type: 'string' }, message: { type: 'string' } } } },
              },
            },
          },
        },
      },
    },
    security: [{ bearer: [] }],
    paths: {
      '/v1/health': { get: { summary: 'Service and provider health', security: [], responses: { '200': { description: 'ok' } } } },
      '/v1/catalog': {
        get: { summary: 'Categories, brands, models, currencies, providers', responses: { '200': { description: 'Catalog' }, ...errors } },
      },
      '/v1/quotes': {
        post: {
          summary: 'Offers for a device from every enabled provider',
          requestBody: body('QuoteRequest'),
          responses: { '200': { description: 'offers and unavailable' }, ...errors },
        },
      },
      '/v1/orders': {
        post: {
          summary: 'Create an order for an offer',
          parameters: [idempotencyKey],
          requestBody: body('CreateOrderRequest'),
          responses: { '201': { description: 'order awaiting payment, with its clientSecret' }, ...errors },
        },
      },
      '/v1/orders/{id}': {
        get: {
          summary: 'Order and policy status',
          parameters: [orderId, clientSecret],
          responses: { '200': { description: 'order' }, ...errors },
        },
      },
      '/v1/orders/{id}/cancel': {
        post: {
          summary: 'Cancel where the provider allows it (secret key); 409 where it does not',
          parameters: [orderId, idempotencyKey],
          requestBody: body('CancelOrderRequest'),
          responses: { '200': { description: 'cancelled order' }, ...errors },
        },
      },
      '/v1/providers/{provider}/events': {
        post: {
          summary: "A provider's events (webhooks, async results), verified with that provider's signature and stored once",
          security: [],
          parameters: [{ name: 'provider', in: 'path', required: true, schema: { type: 'string' } }],
          responses: {
            '200': { description: 'stored (or a replay, ignored)' },
            '503': errorResponse,
            ...errors,
          },
        },
      },
      '/v1/callbacks/servify': {
        post: {
          summary: 'Servify async results, signed with x-servify-signature (alias of /v1/providers/servify/events)',
          security: [],
          responses: { '200': { description: 'stored (or a replay, ignored)' }, ...errors },
        },
      },
      '/v1/orders/{id}/confirm': {
        post: {
          summary:
            'Bind after payment (secret key). A `failed` order whose insurer was down or busy may be confirmed again with a new Idempotency-Key while its offer is valid; otherwise 409 order_not_confirmable says to re-quote',
          parameters: [orderId, idempotencyKey],
          requestBody: body('ConfirmOrderRequest'),
          responses: {
            '200': {
              description: 'order with policy; `chargedPrice` and `priceDifference` where the insurer charged other than the quote',
            },
            ...errors,
          },
        },
      },
      '/v1/orders/{id}/activation': {
        post: {
          summary: 'Upload the verification video of an order pending activation (Octamile); publishable key + X-Client-Secret',
          parameters: [orderId, clientSecret],
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
          responses: { '200': { description: 'order, now pending review' }, '413': errorResponse, '415': errorResponse, ...errors },
        },
      },
      '/v1/orders/{id}/certificate': {
        get: {
          summary: 'The policy certificate file (404 certificate_not_ready until the insurer approves)',
          parameters: [orderId, clientSecret],
          responses: {
            '200': {
              description: 'The certificate',
              content: {
                'application/pdf': { schema: { type: 'string', format: 'binary' } },
                'image/png': { schema: { type: 'string', format: 'binary' } },
                'image/jpeg': { schema: { type: 'string', format: 'binary' } },
              },
            },
            ...errors,
          },
        },
      },
      '/v1/webhooks/assurify': {
        post: {
          summary:
            'Assurify events, signed X-Assurify-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")> (alias of /v1/providers/assurify/events)',
          security: [],
          parameters: [{ name: 'X-Assurify-Signature', in: 'header', required: true, schema: { type: 'string' } }],
          requestBody: {
            required: true,
            content: { 'application/json': { schema: { type: 'object', required: ['id', 'type', 'data'] } } },
          },
          responses: {
            '200': { description: '{"received": true} (with "duplicate": true for a replay)' },
            '400': errorResponse,
            '401': errorResponse,
            '503': errorResponse,
          },
        },
      },
    },
  };
}

export function openApiRoutes() {
  const document = buildOpenApiDocument();
  return new Hono().get('/', (context) => context.json(document));
}

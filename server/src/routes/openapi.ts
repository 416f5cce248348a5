/** `GET /v1/openapi.json`, generated from the same zod schemas the routes enforce. */
import { Hono } from 'hono';
import * as z from 'zod/mini';
import {
  cancelOrderRequestSchema,
  confirmOrderRequestSchema,
  createOrderRequestSchema,
  quoteRequestSchema,
} from '../../../widget/src/api/schemas.ts';

const jsonSchema = (schema: z.ZodMiniType) => z.toJSONSchema(schema, { target: 'openapi-3.0', io: 'input' });

const errorResponse = { description: 'Error envelope', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } };
const idempotencyKey = { name: 'Idempotency-Key', in: 'header', required: true, schema: { type: 'string', maxLength: 255 } };
const orderId = { name: 'id', in: 'path', required: true, schema: { type: 'string' } };
const clientSecret = { name: 'X-Client-Secret', in: 'header', required: false, schema: { type: 'string' }, description: 'With a publishable key' };

function body(name: string) {
  return { required: true, content: { 'application/json': { schema: { $ref: `#/components/schemas/${name}` } } } };
}

export function buildOpenApiDocument() {
  const errors = { '400': errorResponse, '401': errorResponse, '403': errorResponse, '404': errorResponse, '409': errorResponse, '422': errorResponse, '429': errorResponse, '502': errorResponse, '504': errorResponse };
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
      '/v1/catalog': { get: { summary: 'Categories, brands, models, currencies, providers', responses: { '200': { description: 'Catalog' }, ...errors } } },
      '/v1/quotes': { post: { summary: 'Offers for a device from every enabled provider', requestBody: body('QuoteRequest'), responses: { '200': { description: 'offers and unavailable' }, ...errors } } },
      '/v1/orders': { post: { summary: 'Create an order for an offer', parameters: [idempotencyKey], requestBody: body('CreateOrderRequest'), responses: { '201': { description: 'order awaiting payment, with its clientSecret' }, ...errors } } },
      '/v1/orders/{id}': { get: { summary: 'Order and policy status', parameters: [orderId, clientSecret], responses: { '200': { description: 'order' }, ...errors } } },
      '/v1/orders/{id}/cancel': { post: { summary: 'Cancel where the provider allows it (secret key); 409 where it does not', parameters: [orderId, idempotencyKey], requestBody: body('CancelOrderRequest'), responses: { '200': { description: 'cancelled order' }, ...errors } } },
      '/v1/callbacks/servify': { post: { summary: 'Servify async results, signed with x-servify-signature', security: [], responses: { '200': { description: 'stored (or a replay, ignored)' }, ...errors } } },
      '/v1/orders/{id}/confirm': { post: { summary: 'Bind after payment (secret key)', parameters: [orderId, idempotencyKey], requestBody: body('ConfirmOrderRequest'), responses: { '200': { description: 'order with policy' }, ...errors } } },
    },
  };
}

export function openApiRoutes() {
  const document = buildOpenApiDocument();
  return new Hono().get('/', (context) => context.json(document));
}

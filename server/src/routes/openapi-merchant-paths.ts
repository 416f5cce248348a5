/**
 * The merchant's read and event routes of the OpenAPI document (`GET /v1/orders`, `/v1/events…`),
 * built with openapi.ts's own helpers so they read like the rest of it.
 */
type JsonObject = Record<string, unknown>;

export interface OpenApiHelpers {
  success(description: string, schema: JsonObject, options?: { example?: unknown }): JsonObject;
  errors(...statuses: string[]): JsonObject;
  ref(name: string): JsonObject;
  secret: unknown[];
  publicErrors: string[];
}

const listParameters = [
  {
    name: 'limit',
    in: 'query',
    required: false,
    description: 'How many to answer, 1 to 100',
    schema: { type: 'integer', minimum: 1, maximum: 100, default: 10 },
  },
  {
    name: 'starting_after',
    in: 'query',
    required: false,
    description: 'The last id of the previous page',
    schema: { type: 'string' },
  },
];
const eventId = { name: 'id', in: 'path', required: true, description: 'The event id (`evt_…`)', schema: { type: 'string' } };

export function merchantPaths({ success, errors, ref, secret, publicErrors }: OpenApiHelpers): Record<string, JsonObject> {
  return {
    '/v1/orders': {
      get: {
        operationId: 'listOrders',
        tags: ['Orders'],
        summary: "The merchant's orders, newest first (secret key)",
        description: 'As stored (a single order read asks its provider for news). Page with `starting_after` while `hasMore`.',
        security: secret,
        parameters: [
          ...listParameters,
          {
            name: 'status',
            in: 'query',
            required: false,
            description: 'Only orders in these statuses (comma-separated)',
            schema: { type: 'string' },
            example: 'active,pending',
          },
        ],
        responses: { '200': success('A page of orders', ref('OrderList')), ...errors(...publicErrors) },
      },
    },
    '/v1/events': {
      get: {
        operationId: 'listEvents',
        tags: ['Events'],
        summary: "The merchant's events, newest first (secret key)",
        description:
          'Every event written for the merchant, whether or not it has a webhook endpoint, with how its delivery went. Page with `starting_after` while `hasMore`.',
        security: secret,
        parameters: [
          ...listParameters,
          {
            name: 'type',
            in: 'query',
            required: false,
            description: 'Only events of this type, e.g. `order.active`',
            schema: { type: 'string' },
          },
        ],
        responses: { '200': success('A page of events', ref('EventList')), ...errors(...publicErrors) },
      },
    },
    '/v1/events/{id}': {
      get: {
        operationId: 'getEvent',
        tags: ['Events'],
        summary: 'One event and its delivery',
        security: secret,
        parameters: [eventId],
        responses: { '200': success('The event', ref('EventResponse')), ...errors(...publicErrors) },
      },
    },
    '/v1/events/{id}/resend': {
      post: {
        operationId: 'resendEvent',
        tags: ['Events'],
        summary: 'Send an event to the webhook endpoint again',
        description:
          'Queues the event now, with a fresh 3-day retry window (in order behind any earlier undelivered event of its order). 409 `webhook_not_configured` without an endpoint.',
        security: secret,
        parameters: [eventId],
        responses: {
          '202': success('The event, queued for delivery', ref('EventResponse')),
          ...errors(...publicErrors, '409'),
        },
      },
    },
  };
}

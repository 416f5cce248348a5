/** `/v1/events` (secret key): the merchant's events, newest first, one event, and sending one again. */
import { Hono } from 'hono';
import { coverkitEventTypes } from '../../../contract/types.ts';
import { ApiError } from '../errors.ts';
import { DELIVERY_WINDOW_MS } from '../events/order-events.ts';
import { presentEvent } from '../events/present-event.ts';
import { authenticate } from '../middleware/authenticate.ts';
import type { AppServices } from '../services.ts';
import { readListQuery, unknownCursor } from './list-query.ts';

const eventNotFound = () => new ApiError({ status: 404, code: 'not_found', message: 'No event with this id' });

export function eventsRoutes(services: AppServices) {
  const { config, store, logger, rateLimit } = services;
  const secretKey = authenticate({ merchants: config.merchants, accept: ['secret'] });

  return new Hono()
    .get('/', secretKey, rateLimit, async (context) => {
      const { limit, startingAfter, filter } = readListQuery(context, { name: 'type', values: coverkitEventTypes });
      if (filter.length > 1)
        throw new ApiError({
          status: 400,
          code: 'invalid_request',
          message: 'Check these query parameters: type',
          fields: [{ path: 'type', message: 'One event type at a time' }],
        });
      const page = await store.listEvents(context.get('merchant').id, { limit, type: filter[0], startingAfter });
      if (!page) unknownCursor('events');
      return context.json({ data: page.data.map(presentEvent), hasMore: page.hasMore });
    })
    .get('/:id', secretKey, rateLimit, async (context) => {
      const event = await store.getEvent(context.get('merchant').id, context.req.param('id'));
      if (!event) throw eventNotFound();
      return context.json({ event: presentEvent(event) });
    })
    .post('/:id/resend', secretKey, rateLimit, async (context) => {
      const merchant = context.get('merchant');
      if (!merchant.webhookUrl)
        throw new ApiError({
          status: 409,
          code: 'webhook_not_configured',
          message: 'This merchant has no webhook endpoint: set webhookUrl and webhookSecret (COVERKIT_WEBHOOK_URL/SECRET) first',
        });
      const now = new Date();
      // A fresh 3-day window: the merchant asked for it, so it is tried as a new event would be.
      const event = await store.resendEvent(merchant.id, context.req.param('id'), now, new Date(now.getTime() + DELIVERY_WINDOW_MS));
      if (!event) throw eventNotFound();
      logger.info('event queued again at the merchant’s request', { eventId: event.id, type: event.type, merchantId: merchant.id });
      return context.json({ event: presentEvent(event) }, 202);
    });
}

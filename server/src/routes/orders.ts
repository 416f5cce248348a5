/** `/v1/orders`: create (publishable key), confirm and cancel (secret key), read (either). */
import { Hono } from 'hono';
import { cancelOrderRequestSchema, confirmOrderRequestSchema, createOrderRequestSchema } from '../../../contract/schemas.ts';
import { authenticate } from '../middleware/authenticate.ts';
import { idempotency } from '../middleware/idempotency.ts';
import { validateJson } from '../middleware/validate-json.ts';
import { visibleOrder } from '../middleware/visible-order.ts';
import { bindGraceMs } from '../orders/order-binding.ts';
import { orderServiceFor } from '../orders/order-service.ts';
import { presentOrder } from '../orders/present-order.ts';
import type { AppServices } from '../services.ts';
import { orderStatusSchema } from '../../../contract/responses.ts';
import type { OrderStatus } from '../../../contract/types.ts';
import { readListQuery, unknownCursor } from './list-query.ts';

export function ordersRoutes(services: AppServices) {
  const { config, store, logger, rateLimit } = services;
  const orders = orderServiceFor(services);
  const anyKey = authenticate({ merchants: config.merchants, accept: ['publishable', 'secret'] });
  const secretKey = authenticate({ merchants: config.merchants, accept: ['secret'] });
  const order = visibleOrder({ orders });
  // A create or cancel whose request died (a crash) is run again once no request could still be
  // running it: creating again makes another unpaid order at most; cancelling twice is refused by state.
  const staleClaim = async (_context: unknown, claimedAt: Date) => Date.now() - claimedAt.getTime() > bindGraceMs(config);

  return new Hono()
    .get('/', secretKey, rateLimit, async (context) => {
      const { limit, startingAfter, filter } = readListQuery(context, { name: 'status', values: orderStatusSchema.options });
      const page = await store.listOrders(context.get('merchant').id, { limit, startingAfter, statuses: filter as OrderStatus[] });
      if (!page) unknownCursor('orders');
      // A list shows what the store knows; reading one order asks its provider for news.
      return context.json({ data: page.data.map((order) => presentOrder(order)), hasMore: page.hasMore });
    })
    .post(
      '/',
      anyKey,
      rateLimit,
      validateJson({ schema: createOrderRequestSchema }),
      idempotency({ store, route: 'orders.create', abandoned: staleClaim }),
      async (context) => {
        const created = await orders.create(context.get('merchant'), context.req.valid('json'));
        logger.info('order created', {
          requestId: context.get('requestId'),
          orderId: created.order.id,
          provider: created.order.offer.provider,
        });
        return context.json({ order: presentOrder(created.order, created.clientSecret) }, 201);
      },
    )
    .post(
      '/:id/confirm',
      secretKey,
      rateLimit,
      validateJson({ schema: confirmOrderRequestSchema }),
      idempotency({
        store,
        route: 'orders.confirm',
        abandoned: (context, claimedAt) =>
          orders.confirmClaimAbandoned(context.get('merchant').id, context.req.param('id') ?? '', claimedAt),
      }),
      order,
      async (context) => {
        const { paymentReference } = context.req.valid('json');
        const found = context.get('order');
        // The first request with this key died mid-bind: answer with where the order is now.
        if (context.get('idempotencyResumed') && found.status !== 'awaiting_payment') return context.json({ order: presentOrder(found) });
        return context.json({ order: presentOrder(await orders.confirm(found, paymentReference)) });
      },
    )
    .post(
      '/:id/cancel',
      secretKey,
      rateLimit,
      validateJson({ schema: cancelOrderRequestSchema }),
      idempotency({ store, route: 'orders.cancel', abandoned: staleClaim }),
      order,
      async (context) => {
        const { reason } = context.req.valid('json');
        return context.json({ order: presentOrder(await orders.cancel(context.get('order'), reason)) });
      },
    )
    .get('/:id', anyKey, rateLimit, order, async (context) => {
      return context.json({ order: presentOrder(await orders.refresh(context.get('order'))) });
    });
}

/**
 * `POST /v1/orders/{id}/portal-sessions` (secret key): a client secret for the shopper's
 * account page, valid one hour, so `<cover-policy>` can show the plan and take a claim long
 * after the checkout (claims/portal-sessions.ts). Mounted at `/v1/orders`.
 */
import { Hono } from 'hono';
import { createPortalSecret } from '../claims/portal-sessions.ts';
import { authenticate } from '../middleware/authenticate.ts';
import { visibleOrder } from '../middleware/visible-order.ts';
import { orderServiceFor } from '../orders/order-service.ts';
import type { AppServices } from '../services.ts';

export function portalSessionRoutes(services: AppServices) {
  const { config, logger, rateLimit } = services;
  const orders = orderServiceFor(services);

  return new Hono().post(
    '/:id/portal-sessions',
    authenticate({ merchants: config.merchants, accept: ['secret'] }),
    rateLimit,
    visibleOrder({ orders }),
    async (context) => {
      const order = context.get('order');
      const session = createPortalSecret(context.get('merchant'), order.id);
      logger.info('portal session created', { requestId: context.get('requestId'), orderId: order.id });
      return context.json({ portalSession: { orderId: order.id, ...session } }, 201);
    },
  );
}

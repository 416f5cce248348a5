/**
 * `GET /v1/orders/{id}/certificate` (secret key, or publishable key + `X-Client-Secret`):
 * the policy certificate with its true content type, read from the file's first bytes.
 */
import { Hono } from 'hono';
import { authenticate } from '../middleware/authenticate.ts';
import { visibleOrder } from '../middleware/visible-order.ts';
import { orderServiceFor } from '../orders/order-service.ts';
import { CERTIFICATE_EXTENSIONS } from '../providers/kit/certificate.ts';
import type { AppServices } from '../services.ts';

export function certificateRoutes(services: AppServices) {
  const { config, logger, rateLimit } = services;
  const orders = orderServiceFor(services);

  return new Hono().get(
    '/:id/certificate',
    authenticate({ merchants: config.merchants, accept: ['publishable', 'secret'] }),
    rateLimit,
    visibleOrder({ orders }),
    async (context) => {
      const order = context.get('order');
      const file = await orders.certificate(order);
      logger.info('certificate served', {
        requestId: context.get('requestId'),
        orderId: order.id,
        provider: order.offer.provider,
        contentType: file.contentType,
      });
      return context.body(new Uint8Array(file.content), 200, {
        'Content-Type': file.contentType,
        'Content-Disposition': `inline; filename="certificate-${order.id}.${CERTIFICATE_EXTENSIONS[file.contentType]}"`,
        'Cache-Control': 'private, no-store',
      });
    },
  );
}

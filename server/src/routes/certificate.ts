/**
 * `GET /v1/orders/{id}/certificate` (secret key, or publishable key + `X-Client-Secret`):
 * the policy certificate with its true content type, read from the file's first bytes.
 */
import { Hono } from 'hono';
import { ApiError } from '../errors.ts';
import { authenticate } from '../middleware/authenticate.ts';
import { loadVisibleOrder } from '../orders/load-order.ts';
import { CERTIFICATE_EXTENSIONS, CertificateNotReadyError } from '../providers/kit/certificate.ts';
import type { AppServices } from '../services.ts';

const NOT_READY = 'The certificate is issued once the insurer has approved the cover. Try again later.';

export function certificateRoutes(services: AppServices) {
  const { config, store, adapters, logger } = services;

  return new Hono().get(
    '/:id/certificate',
    authenticate({ merchants: config.merchants, accept: ['publishable', 'secret'] }),
    async (context) => {
      const order = await loadVisibleOrder(store, context);
      const adapter = adapters.get(order.offer.provider);
      if (!adapter?.certificate)
        throw new ApiError({ status: 404, code: 'certificate_not_available', message: 'This plan comes without a certificate file' });
      // A pending order may have been approved since it was last read: the provider is asked.
      if (!['active', 'pending'].includes(order.status))
        throw new ApiError({ status: 404, code: 'certificate_not_ready', message: NOT_READY });
      let file;
      try {
        file = await adapter.certificate({
          orderId: order.id,
          offer: order.offer,
          policy: order.policy,
          signal: AbortSignal.timeout(config.quoteTimeoutMs),
        });
      } catch (error) {
        if (error instanceof CertificateNotReadyError)
          throw new ApiError({ status: 404, code: 'certificate_not_ready', message: NOT_READY });
        throw error;
      }
      logger.info('certificate served', {
        requestId: context.get('requestId'),
        orderId: order.id,
        provider: adapter.id,
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

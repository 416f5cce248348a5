/** `/v1/orders`: create (publishable key), confirm (secret key), read (either). */
import { Hono } from 'hono';
import {
  cancelOrderRequestSchema,
  confirmOrderRequestSchema,
  createOrderRequestSchema,
  missingRequiredFields,
  type FieldError,
} from '../../../contract/schemas.ts';
import type { OrderStatus } from '../../../contract/types.ts';
import { ApiError, apiErrorFromProvider } from '../errors.ts';
import { authenticate } from '../middleware/authenticate.ts';
import { idempotency } from '../middleware/idempotency.ts';
import { validateJson } from '../middleware/validate-json.ts';
import { digestImei, OfferTokenError } from '../offers/offer-token.ts';
import { bindOrder } from '../orders/bind-order.ts';
import { cancelOrder } from '../orders/cancel-order.ts';
import { loadVisibleOrder } from '../orders/load-order.ts';
import { hashSecret, newClientSecret, newOrderId } from '../orders/order-secrets.ts';
import { presentOrder } from '../orders/present-order.ts';
import { refreshStatus } from '../orders/refresh-status.ts';
import type { AppServices } from '../services.ts';
import type { StoredOrder } from '../store/types.ts';

const BOUND_STATUSES: readonly OrderStatus[] = ['binding', 'active', 'pending', 'pending_activation'];

export function ordersRoutes(services: AppServices) {
  const { config, store, signerFor, logger, rateLimit } = services;
  const anyKey = authenticate({ merchants: config.merchants, accept: ['publishable', 'secret'] });
  const secretKey = authenticate({ merchants: config.merchants, accept: ['secret'] });

  return new Hono()
    .post(
      '/',
      anyKey,
      rateLimit,
      validateJson({ schema: createOrderRequestSchema }),
      idempotency({ store, route: 'orders.create' }),
      async (context) => {
        const merchant = context.get('merchant');
        const request = context.req.valid('json');
        let offer;
        try {
          offer = signerFor(merchant).verify(request.offerId, merchant.id).offer;
        } catch (error) {
          if (!(error instanceof OfferTokenError)) throw error;
          if (error.reason === 'expired')
            throw new ApiError({
              status: 400,
              code: 'offer_expired',
              message: 'This offer has expired. Refresh the plans to see current prices.',
              fields: [{ path: 'offerId', message: 'Expired' }],
            });
          throw new ApiError({
            status: 400,
            code: 'invalid_offer',
            message: 'This offer id is not valid',
            fields: [{ path: 'offerId', message: 'Not a valid offer' }],
          });
        }
        const fields: FieldError[] = missingRequiredFields(request, offer.requires);
        const imeiDigest = offer.context?.imeiDigest;
        if (imeiDigest && request.device?.imei && digestImei(request.device.imei) !== imeiDigest) {
          fields.push({ path: 'device.imei', message: 'Use the IMEI this plan was priced for' });
        }
        const address = request.customer.address;
        if (address && address.country !== offer.country)
          fields.push({ path: 'customer.address.country', message: `This plan covers devices in ${offer.country} only` });
        if (fields.length > 0)
          throw new ApiError({
            status: 400,
            code: 'invalid_request',
            message: `Check these fields: ${fields.map((field) => field.path).join(', ')}`,
            fields,
          });

        const id = newOrderId();
        const clientSecret = newClientSecret(id);
        const now = new Date().toISOString();
        const order: StoredOrder = {
          id,
          merchantId: merchant.id,
          status: 'awaiting_payment',
          offer,
          device: request.device ?? {},
          customer: request.customer,
          policy: null,
          clientSecretHash: hashSecret(clientSecret),
          paymentReference: null,
          failureReason: null,
          createdAt: now,
          updatedAt: now,
        };
        await store.createOrder(order);
        logger.info('order created', { requestId: context.get('requestId'), orderId: id, provider: offer.provider });
        return context.json({ order: presentOrder(order, clientSecret) }, 201);
      },
    )
    .post(
      '/:id/confirm',
      secretKey,
      rateLimit,
      validateJson({ schema: confirmOrderRequestSchema }),
      idempotency({ store, route: 'orders.confirm' }),
      async (context) => {
        const { paymentReference } = context.req.valid('json');
        const order = await loadVisibleOrder(store, context);
        if (order.status !== 'awaiting_payment') {
          // A retried confirm for the same payment answers with where the order is now.
          if (order.paymentReference === paymentReference && BOUND_STATUSES.includes(order.status))
            return context.json({ order: presentOrder(order) });
          throw new ApiError({
            status: 409,
            code: 'order_not_confirmable',
            message: `This order is ${order.status.replace('_', ' ')} and cannot be confirmed again`,
          });
        }
        const binding = await store.transitionOrder(order.id, ['awaiting_payment'], { status: 'binding', paymentReference });
        if (!binding)
          throw new ApiError({ status: 409, code: 'order_not_confirmable', message: 'This order is being confirmed by another request' });
        const outcome = await bindOrder(services, binding);
        if (outcome.error) throw apiErrorFromProvider(outcome.error);
        return context.json({ order: presentOrder(outcome.order) });
      },
    )
    .post(
      '/:id/cancel',
      secretKey,
      rateLimit,
      validateJson({ schema: cancelOrderRequestSchema }),
      idempotency({ store, route: 'orders.cancel' }),
      async (context) => {
        const { reason } = context.req.valid('json');
        return context.json({ order: presentOrder(await cancelOrder(services, await loadVisibleOrder(store, context), reason)) });
      },
    )
    .get('/:id', anyKey, rateLimit, async (context) => {
      const order = await loadVisibleOrder(store, context);
      return context.json({ order: presentOrder(await refreshStatus(services, order)) });
    });
}

/**
 * `/console/api`: the operator console's own API (not part of the merchants' /v1 contract).
 * The operator token sees every merchant; a secret key (from a server) its own merchant.
 */
import { Hono } from 'hono';
import { requestId } from 'hono/request-id';
import { secureHeaders } from 'hono/secure-headers';
import { z } from 'zod/mini';
import { cancelOrderRequestSchema } from '../../../contract/schemas.ts';
import { ApiError } from '../errors.ts';
import { createErrorHandler } from '../middleware/error-handler.ts';
import { resolveClientAddress } from '../middleware/rate-limit.ts';
import { validateJson } from '../middleware/validate-json.ts';
import { attentionFor, attentionQueue, claimAttention, REVIEW_STATUSES } from '../operator/attention.ts';
import { authenticateOperator, canSee } from '../operator/operator-auth.ts';
import { createOperatorActions, type OperatorActionDeps } from '../operator/operator-actions.ts';
import { createOperatorEvents } from '../operator/operator-events.ts';
import { presentOperatorClaim, presentOperatorOrder } from '../operator/present-operator-order.ts';
import { providerHealthReport } from '../operator/provider-health-report.ts';
import { bindGraceMs } from '../orders/order-binding.ts';
import { orderServiceFor } from '../orders/order-service.ts';
import type { AppServices } from '../services.ts';
import type { StoredOrder } from '../store/types.ts';

/** The queue reads at most this many orders needing review (oldest first). */
const QUEUE_LIMIT = 500;

const refundRequestSchema = z.strictObject({ note: z.optional(z.string().check(z.trim(), z.maxLength(500, 'At most 500 characters'))) });

export function operatorRoutes(services: AppServices, { reconcileOnce }: Pick<OperatorActionDeps, 'reconcileOnce'>) {
  const { config, store, logger } = services;
  const orders = orderServiceFor(services);
  const actions = createOperatorActions({ services, orders, reconcileOnce });
  const events = createOperatorEvents({ store, merchants: config.merchants });
  const signedIn = authenticateOperator({ operatorToken: config.operatorToken!, merchants: config.merchants });
  const timing = () => ({ now: Date.now(), bindGraceMs: bindGraceMs(config) });
  const present = (order: StoredOrder) => ({ order: presentOperatorOrder(order), attention: attentionFor(order, timing()) });

  async function visibleOrder(scope: Parameters<typeof canSee>[0], id: string): Promise<StoredOrder> {
    const order = await store.getOrderById(id);
    if (!order || !canSee(scope, order.merchantId)) throw new ApiError({ status: 404, code: 'order_not_found', message: `No order ${id}` });
    return order;
  }

  return new Hono()
    .onError(createErrorHandler(logger))
    .use(requestId())
    .use(secureHeaders({ crossOriginResourcePolicy: 'same-origin' }))
    .use(resolveClientAddress({ trustedProxies: config.trustedProxies }))
    .use(async function noStore(context, next) {
      await next();
      context.header('Cache-Control', 'no-store');
    })
    .use(signedIn)
    .get('/session', (context) => {
      const scope = context.get('operatorScope');
      return context.json({ scope: scope.kind, merchantId: scope.kind === 'merchant' ? scope.merchantId : null, mode: config.mode });
    })
    .get('/attention', async (context) => {
      const scope = context.get('operatorScope');
      const candidates = (await store.listOrdersForReview(REVIEW_STATUSES, QUEUE_LIMIT)).filter((order) => canSee(scope, order.merchantId));
      const orderRows = attentionQueue(candidates, timing()).map(({ order, attention }) => ({
        order: presentOperatorOrder(order),
        attention,
      }));
      // Claims come last: nobody's money is stuck, but a shopper is waiting.
      const claims = (await store.listClaimsAwaitingDecision(QUEUE_LIMIT)).filter((claim) => canSee(scope, claim.merchantId));
      const claimRows = (
        await Promise.all(
          claims.map(async (claim) => {
            const order = await store.getOrderById(claim.orderId);
            if (!order) return [];
            const provider = order.offer.providerName ?? order.offer.provider;
            return [{ order: presentOperatorOrder(order), attention: claimAttention(claim, provider), claim: presentOperatorClaim(claim) }];
          }),
        )
      ).flat();
      return context.json({ data: [...orderRows, ...claimRows], checkedAt: new Date().toISOString() });
    })
    .get('/orders', async (context) => {
      const query = (context.req.query('q') ?? '').trim();
      if (query.length < 3 || query.length > 200) {
        const message = 'Enter an order id, a policy reference or a metadata value (3 to 200 characters)';
        throw new ApiError({ status: 400, code: 'invalid_request', message, fields: [{ path: 'q', message }] });
      }
      const scope = context.get('operatorScope');
      const byId = await store.getOrderById(query);
      const found = [...(byId ? [byId] : []), ...(await store.findOrdersByReference(query))];
      const unique = [...new Map(found.filter((order) => canSee(scope, order.merchantId)).map((order) => [order.id, order])).values()];
      return context.json({ data: unique.map(present) });
    })
    .get('/orders/:id', async (context) => context.json(present(await visibleOrder(context.get('operatorScope'), context.req.param('id')))))
    .post('/orders/:id/reconcile', async (context) => {
      const order = await visibleOrder(context.get('operatorScope'), context.req.param('id'));
      return context.json(present(await actions.reconcile(order)));
    })
    .post('/orders/:id/refunded', validateJson({ schema: refundRequestSchema }), async (context) => {
      const order = await visibleOrder(context.get('operatorScope'), context.req.param('id'));
      return context.json(present(await actions.markRefunded(order, context.req.valid('json').note)));
    })
    .post('/orders/:id/cancel', validateJson({ schema: cancelOrderRequestSchema }), async (context) => {
      const order = await visibleOrder(context.get('operatorScope'), context.req.param('id'));
      return context.json(present(await actions.cancel(order, context.req.valid('json').reason)));
    })
    .get('/providers', (context) => context.json({ data: providerHealthReport(services) }))
    .get('/events', async (context) => context.json({ data: await events.list(context.get('operatorScope')) }))
    .post('/events/:id/resend', async (context) =>
      context.json({ event: await events.resend(context.get('operatorScope'), context.req.param('id')) }),
    );
}

/**
 * Claims (issue 14): `GET /v1/orders/{id}/claim-options`, `POST|GET /v1/orders/{id}/claims`,
 * `GET /v1/claims/{id}`, `POST /v1/claims/{id}/withdraw`. Secret key, or publishable key with
 * the order's client secret or a portal session's (`X-Client-Secret`). Mounted at `/v1`.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import path from 'node:path';
import { Hono, type MiddlewareHandler } from 'hono';
import { CLAIM_FILE_MAX_BYTES, claimFileFields, createClaimRequestSchema, withdrawClaimRequestSchema } from '../../../contract/claims.ts';
import { toFieldErrors } from '../../../contract/schemas.ts';
import { claimServiceFor } from '../claims/claim-service.ts';
import { orderAccessFor } from '../claims/portal-sessions.ts';
import { presentClaim } from '../claims/present-claim.ts';
import { ApiError } from '../errors.ts';
import { authenticate } from '../middleware/authenticate.ts';
import { idempotency } from '../middleware/idempotency.ts';
import { validateJson } from '../middleware/validate-json.ts';
import { visibleOrder } from '../middleware/visible-order.ts';
import { orderServiceFor } from '../orders/order-service.ts';
import type { AppServices } from '../services.ts';
import { CLAIM_FRAMING_ALLOWANCE_BYTES, receiveClaimUpload, type ClaimUpload } from './claims-upload.ts';
import { boundaryOf } from './multipart-stream.ts';

declare module 'hono' {
  interface ContextVariableMap {
    /** The received claim upload, set by `receiveUpload`. */
    claimUpload: ClaimUpload;
  }
}

const MAX_UPLOAD_BYTES = claimFileFields.length * CLAIM_FILE_MAX_BYTES + CLAIM_FRAMING_ALLOWANCE_BYTES;

/** Streams the upload to a temporary folder for the routes after it, and removes it after them. */
function receiveUpload(uploads: string): MiddlewareHandler {
  return async function receiveClaimFiles(context, next) {
    const boundary = boundaryOf(context.req.header('Content-Type') ?? '');
    if (!boundary)
      throw new ApiError({
        status: 415,
        code: 'unsupported_media_type',
        message: 'Send the claim as multipart/form-data: a "claim" JSON part and the images as "invoice" and "photo"',
      });
    if (Number(context.req.header('Content-Length') ?? 0) > MAX_UPLOAD_BYTES)
      throw new ApiError({
        status: 413,
        code: 'payload_too_large',
        message: `Each image is at most ${CLAIM_FILE_MAX_BYTES / (1024 * 1024)} MB`,
      });
    const body = context.req.raw.body;
    if (!body)
      throw new ApiError({
        status: 400,
        code: 'invalid_request',
        message: 'The body is empty',
        fields: [{ path: 'claim', message: 'Required' }],
      });
    await mkdir(uploads, { recursive: true, mode: 0o700 });
    const folder = await mkdtemp(path.join(uploads, 'claim-'));
    try {
      const upload = await receiveClaimUpload(body, boundary, folder);
      context.set('claimUpload', upload);
      context.set('rawBody', upload.digest);
      await next();
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  };
}

export function claimsRoutes(services: AppServices) {
  const { config, store, logger, rateLimit } = services;
  const orders = orderServiceFor(services);
  const claims = claimServiceFor(services);
  const anyKey = authenticate({ merchants: config.merchants, accept: ['publishable', 'secret'] });
  const order = visibleOrder({ orders });
  const uploads = path.join(config.dataDir, 'uploads');

  /** The claim of `:id` and its order, if the caller may see that order. */
  const visibleClaim = async (context: Parameters<MiddlewareHandler>[0]) => {
    const merchant = context.get('merchant');
    const claim = await claims.find(merchant.id, context.req.param('id') ?? '');
    const access = orderAccessFor(merchant, claim.orderId, context.get('keyKind'), context.req.header('X-Client-Secret'));
    // A wrong secret looks like a missing claim, so claim ids cannot be probed.
    const claimOrder = await orders.find(merchant.id, claim.orderId, access).catch(() => {
      throw new ApiError({ status: 404, code: 'claim_not_found', message: 'No such claim' });
    });
    return { claim, order: claimOrder };
  };

  return new Hono()
    .get('/orders/:id/claim-options', anyKey, rateLimit, order, async (context) => {
      return context.json(await claims.options(context.get('order')));
    })
    .post(
      '/orders/:id/claims',
      anyKey,
      rateLimit,
      order,
      receiveUpload(uploads),
      idempotency({ store, route: 'claims.create' }),
      async (context) => {
        const upload = context.get('claimUpload');
        const parsed = createClaimRequestSchema.safeParse(upload.claim);
        if (!parsed.success) {
          const fields = toFieldErrors(parsed.error.issues);
          throw new ApiError({
            status: 400,
            code: 'invalid_request',
            message: `Check these fields: ${fields.map((field) => field.path).join(', ')}`,
            fields,
          });
        }
        const found = context.get('order');
        const claim = await claims.create(context.get('merchant').id, found, parsed.data, upload.files);
        logger.info('claim created', {
          requestId: context.get('requestId'),
          claimId: claim.id,
          orderId: found.id,
          provider: claim.provider,
          status: claim.status,
          bytes: Object.values(upload.files).reduce((sum, file) => sum + file.size, 0),
        });
        return context.json({ claim: presentClaim(claim) }, 201);
      },
    )
    .get('/orders/:id/claims', anyKey, rateLimit, order, async (context) => {
      const limitText = context.req.query('limit');
      const limit = limitText === undefined ? 20 : Number(limitText);
      if (!Number.isInteger(limit) || limit < 1 || limit > 100)
        throw new ApiError({
          status: 400,
          code: 'invalid_request',
          message: 'limit is a whole number from 1 to 100',
          fields: [{ path: 'limit', message: 'A whole number from 1 to 100' }],
        });
      const page = await claims.list(context.get('order'), { limit, startingAfter: context.req.query('starting_after') });
      return context.json({ data: page.data.map(presentClaim), hasMore: page.hasMore });
    })
    .get('/claims/:id', anyKey, rateLimit, async (context) => {
      const { claim, order: claimOrder } = await visibleClaim(context);
      return context.json({ claim: presentClaim(await claims.refresh(claim, claimOrder)) });
    })
    .post('/claims/:id/withdraw', anyKey, rateLimit, validateJson({ schema: withdrawClaimRequestSchema }), async (context) => {
      const { claim, order: claimOrder } = await visibleClaim(context);
      const withdrawn = await claims.withdraw(claim, claimOrder, context.req.valid('json').reason ?? null);
      return context.json({ claim: presentClaim(withdrawn) });
    });
}

/**
 * createApi(config, deps): the `/v1` API and nothing else, one chain, so `AppType` gives
 * typed clients (`hc<AppType>`). The composition root (index.ts) mounts the sandboxes,
 * fault controls, widget files and demo beside it.
 */
import { Hono, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { requestId } from 'hono/request-id';
import { secureHeaders } from 'hono/secure-headers';
import type { Config } from './config.ts';
import type { Logger } from './logger.ts';
import './middleware/context.ts';
import { createErrorHandler, notFound } from './middleware/error-handler.ts';
import { resolveClientAddress } from './middleware/rate-limit.ts';
import { ApiError } from './errors.ts';
import { activationRoutes } from './routes/activation.ts';
import { apiDocsRoutes } from './routes/api-docs.ts';
import { catalogRoutes } from './routes/catalog.ts';
import { certificateRoutes } from './routes/certificate.ts';
import { eventsRoutes } from './routes/events.ts';
import { claimsRoutes } from './routes/claims.ts';
import { healthRoutes } from './routes/health.ts';
import { openApiRoutes } from './routes/openapi.ts';
import { ordersRoutes } from './routes/orders.ts';
import { portalSessionRoutes } from './routes/portal-sessions.ts';
import { providerEventRoutes } from './routes/provider-events.ts';
import { quotesRoutes } from './routes/quotes.ts';
import { createServices, type AppServices, type ServiceDependencies } from './services.ts';

const API_BODY_LIMIT_BYTES = 64 * 1024;
/** The video upload streams to disk under its own, larger limit (routes/activation.ts). */
const ACTIVATION_PATH = /^\/v1\/orders\/[^/]+\/activation$/;
/** Claim images stream to disk under their own limits, too (routes/claims-upload.ts). */
const CLAIM_UPLOAD_PATH = /^\/v1\/orders\/[^/]+\/claims$/;
const STREAMED_UPLOAD_PATH = new RegExp(`${ACTIVATION_PATH.source}|${CLAIM_UPLOAD_PATH.source}`);

function skipFor(path: RegExp, middleware: MiddlewareHandler): MiddlewareHandler {
  return async function unlessPath(context, next) {
    if (path.test(context.req.path)) return next();
    return middleware(context, next);
  };
}

/** Logs every request by path only: query strings could carry personal data. */
export function logRequests(logger: Logger): MiddlewareHandler {
  return async function logRequest(context, next) {
    const started = performance.now();
    await next();
    logger.info('request', {
      requestId: context.get('requestId'),
      method: context.req.method,
      path: context.req.path,
      status: context.res.status,
      ms: Math.round(performance.now() - started),
    });
  };
}

export interface ApiDependencies extends ServiceDependencies {
  /** Services already built (by the composition root, which shares them with the reconciler). */
  services?: AppServices;
}

export function createApi(config: Config, dependencies: ApiDependencies = {}) {
  const services = dependencies.services ?? createServices(config, dependencies);
  const allowedOrigins = new Set(config.merchants.flatMap((merchant) => merchant.allowedOrigins));

  const v1 = new Hono()
    .use(secureHeaders({ crossOriginResourcePolicy: 'same-site' }))
    .use(
      cors({
        origin: (origin) => (allowedOrigins.has(origin) ? origin : null),
        allowMethods: ['GET', 'POST', 'OPTIONS'],
        allowHeaders: ['Authorization', 'Content-Type', 'Idempotency-Key', 'X-Client-Secret'],
        exposeHeaders: ['X-Request-Id', 'Retry-After', 'Idempotent-Replayed'],
        maxAge: 600,
      }),
    )
    .use(
      skipFor(
        STREAMED_UPLOAD_PATH,
        bodyLimit({
          maxSize: API_BODY_LIMIT_BYTES,
          onError: () => {
            throw new ApiError({
              status: 413,
              code: 'payload_too_large',
              message: `The body is larger than ${API_BODY_LIMIT_BYTES / 1024} KB`,
            });
          },
        }),
      ),
    )
    .route('/health', healthRoutes(services))
    .route('/openapi.json', openApiRoutes())
    .route('/docs', apiDocsRoutes())
    .route('/catalog', catalogRoutes(services))
    .route('/quotes', quotesRoutes(services))
    .route('/orders', ordersRoutes(services))
    .route('/', providerEventRoutes(services))
    .route('/orders', activationRoutes(services))
    .route('/orders', certificateRoutes(services))
    .route('/orders', portalSessionRoutes(services))
    .route('/', claimsRoutes(services))
    .route('/events', eventsRoutes(services));

  return new Hono()
    .onError(createErrorHandler(services.logger))
    .notFound(notFound)
    .use(requestId())
    .use(resolveClientAddress({ trustedProxies: config.trustedProxies }))
    .use(logRequests(services.logger))
    .route('/v1', v1);
}

/** The /v1 API's type, for `hc<AppType>` clients. */
export type AppType = ReturnType<typeof createApi>;

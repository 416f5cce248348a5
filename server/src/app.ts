/** createApp(config): the whole Hono app — /v1 API, sandboxes, widget bundle and demo. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Hono, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { requestId } from 'hono/request-id';
import { secureHeaders } from 'hono/secure-headers';
import type { Config } from './config.ts';
import { createLogger, type Logger } from './logger.ts';
import './middleware/context.ts';
import { createErrorHandler, notFound } from './middleware/error-handler.ts';
import { rateLimit } from './middleware/rate-limit.ts';
import { ApiError } from './errors.ts';
import { createAdapters } from './providers/registry.ts';
import { activationRoutes } from './routes/activation.ts';
import { catalogRoutes } from './routes/catalog.ts';
import { certificateRoutes } from './routes/certificate.ts';
import { healthRoutes } from './routes/health.ts';
import { openApiRoutes } from './routes/openapi.ts';
import { ordersRoutes } from './routes/orders.ts';
import { createReconciler } from './orders/reconciler.ts';
import { quotesRoutes } from './routes/quotes.ts';
import { servifyCallbackRoutes } from './routes/servify-callbacks.ts';
import { webhooksRoutes } from './routes/webhooks.ts';
import { createAssurifySandbox } from './sandbox/assurify/assurify-sandbox.ts';
import { createOctamileSandbox } from './sandbox/octamile/octamile-sandbox.ts';
import { createBigfixSandbox } from './sandbox/bigfix/bigfix-sandbox.ts';
import { FaultPlan, faultControlRoutes, injectFaults } from './sandbox/faults.ts';
import { createServifySandbox } from './sandbox/servify/servify-sandbox.ts';
import { createProviderHealth, createSignerCache, type AppServices } from './services.ts';
import { sendFile } from './static-files.ts';
import { openStore } from './store/open-store.ts';
import type { Store } from './store/types.ts';

export const repositoryRoot = path.resolve(fileURLToPath(import.meta.url), '../../..');
const API_BODY_LIMIT_BYTES = 64 * 1024;
/** The video upload streams to disk under its own, larger limit (routes/activation.ts). */
const ACTIVATION_PATH = /^\/v1\/orders\/[^/]+\/activation$/;

function skipFor(path: RegExp, middleware: MiddlewareHandler): MiddlewareHandler {
  return async function unlessPath(context, next) {
    if (path.test(context.req.path)) return next();
    return middleware(context, next);
  };
}

export interface AppOptions {
  store?: Store;
  logger?: Logger;
}

export function createApp(config: Config, options: AppOptions = {}) {
  const logger = options.logger ?? createLogger();
  const store = options.store ?? openStore(config);
  const { adapters, resilience } = createAdapters(config, { store });
  const services: AppServices = {
    config,
    logger,
    store,
    adapters,
    resilience,
    signerFor: createSignerCache(),
    providerHealth: createProviderHealth(),
    bindsInFlight: new Set(),
    rateLimit: rateLimit({ perMinute: config.rateLimitPerMinute, burst: Math.max(10, Math.ceil(config.rateLimitPerMinute / 10)) }),
  };
  const allowedOrigins = new Set(config.merchants.flatMap((merchant) => merchant.allowedOrigins));

  const api = new Hono()
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
        ACTIVATION_PATH,
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
    .route('/catalog', catalogRoutes(services))
    .route('/quotes', quotesRoutes(services))
    .route('/orders', ordersRoutes(services))
    .route('/webhooks', webhooksRoutes(services))
    .route('/callbacks/servify', servifyCallbackRoutes(services))
    .route('/orders', activationRoutes(services))
    .route('/orders', certificateRoutes(services));

  const app = new Hono();
  app.use(requestId());
  app.use(async function logRequest(context, next) {
    const started = performance.now();
    await next();
    // Path only: query strings could carry personal data.
    logger.info('request', {
      requestId: context.get('requestId'),
      method: context.req.method,
      path: context.req.path,
      status: context.res.status,
      ms: Math.round(performance.now() - started),
    });
  });
  app.onError(createErrorHandler(logger));
  app.notFound(notFound);
  app.route('/v1', api);

  const faults = new FaultPlan();
  if (config.serveSandboxes) app.route('/sandbox/_faults', faultControlRoutes(faults));
  /** Every sandbox sits behind the same fault injection, for tests and sales demos. */
  // `any`: each sandbox has its own Env type, and only its routes matter here.
  const mountSandbox = (provider: string, sandbox: Hono<any, any, any>) => {
    app.use(`/sandbox/${provider}/*`, injectFaults({ plan: faults, provider, mount: `/sandbox/${provider}` }));
    app.route(`/sandbox/${provider}`, sandbox);
  };
  const { bigfix, assurify, octamile } = config.providers;
  if (bigfix.mode === 'sandbox') mountSandbox('bigfix', createBigfixSandbox({ apiKey: bigfix.apiKey, accounts: [bigfix.policySource] }));
  if (assurify.mode === 'sandbox') {
    mountSandbox(
      'assurify',
      createAssurifySandbox({
        secretKey: assurify.secretKey,
        webhook: { url: assurify.sandbox.webhookUrl, secret: assurify.webhookSecret },
        webhookDelayMs: assurify.sandbox.webhookDelayMs,
        sessionTtlMs: assurify.sandbox.sessionTtlMs,
      }),
    );
  }
  if (octamile.mode === 'sandbox') {
    mountSandbox(
      'octamile',
      createOctamileSandbox({
        customerId: octamile.customerId,
        authorizationId: octamile.authorizationId,
        authorizationKey: octamile.authorizationKey,
        reviewDelayMs: octamile.sandbox.reviewDelayMs,
      }),
    );
  }

  const servify = config.providers.servify;
  if (servify.sandbox) {
    mountSandbox(
      'servify',
      createServifySandbox({
        clientId: servify.clientId,
        clientSignature: servify.clientSignature,
        clientPublicKey: servify.sandbox.clientPublicKey,
        privateKey: servify.sandbox.privateKey,
        callbackUrl: servify.sandbox.callbackUrl,
        callbackSecret: servify.callbackSecret,
      }),
    );
  }

  app.get('/widget/:file{.+}', (context) =>
    sendFile(context, path.join(repositoryRoot, 'dist/widget'), context.req.param('file'), {
      // The widget is embedded from other origins: CORS and CORP must allow it.
      'Access-Control-Allow-Origin': '*',
      'Cross-Origin-Resource-Policy': 'cross-origin',
      'Cache-Control': 'public, max-age=300',
    }),
  );
  const reconciler = createReconciler(services);
  return { app, services, reconciler, faults };
}

export type AppType = ReturnType<typeof createApp>['app'];

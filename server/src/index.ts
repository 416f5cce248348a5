/**
 * The composition root: builds the services and the /v1 API (app.ts), and mounts beside it
 * the widget's files and, in test mode only, the sandboxes with their fault controls and the
 * demo shop. The only server file that may import demo/; run directly, it reads the
 * environment, listens and shuts down cleanly.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { createDemoMerchantRoutes } from '../../demo/merchant-routes.ts';
import { createApi } from './app.ts';
import { ConfigError, loadConfig, type Config } from './config.ts';
import { ApiError } from './errors.ts';
import { createDeliveryWorker } from './events/delivery-worker.ts';
import { createErrorHandler, notFound } from './middleware/error-handler.ts';
import { mountSandboxes } from './mount-sandboxes.ts';
import { metricsRoutes } from './observability/metrics-route.ts';
import { createReconciler } from './orders/reconciler.ts';
import { operatorRoutes } from './routes/operator.ts';
import { createServices, type ServiceDependencies } from './services.ts';
import { mountConsoleFiles, mountWidgetFiles, repositoryRoot, sendFile } from './static-files.ts';

/** `providers` must be the list `config` was loaded with (loadConfig's option; both default to the registry). */
export type ServerOptions = ServiceDependencies;

/** Bodies outside /v1 (demo routes, fault controls): small JSON only. */
const OUTSIDE_API_BODY_LIMIT_BYTES = 64 * 1024;

/**
 * One body limit for everything outside /v1 (which has its own): a declared length over it is
 * refused before a byte is read, and a streamed body is cut off as soon as it passes it.
 */
function limitBodies(maxSize: number) {
  return bodyLimit({
    maxSize,
    onError: () => {
      throw new ApiError({ status: 413, code: 'payload_too_large', message: `The body is larger than ${Math.ceil(maxSize / 1024)} KB` });
    },
  });
}

export function createServer(config: Config, options: ServerOptions = {}) {
  const services = createServices(config, options);
  const api = createApi(config, { services });
  const app = new Hono();
  app.onError(createErrorHandler(services.logger));
  app.notFound(notFound);
  // A sandbox takes what its provider takes: Octamile's activation carries the video, base64-encoded.
  const sandboxLimit = limitBodies(Math.ceil((config.activationVideoMaxBytes * 4) / 3) + 1024 * 1024);
  const outsideLimit = limitBodies(OUTSIDE_API_BODY_LIMIT_BYTES);
  app.use('*', async function limitOutsideApi(context, next) {
    const path = context.req.path;
    if (path === '/v1' || path.startsWith('/v1/')) return next();
    if (path.startsWith('/sandbox/') && !path.startsWith('/sandbox/_faults')) return sandboxLimit(context, next);
    return outsideLimit(context, next);
  });
  app.route('/', api);
  app.route('/metrics', metricsRoutes(services));
  const faults = mountSandboxes(app, config, services.providers.values(), {
    // A reset demo starts with every provider's circuit closed and no quote remembered.
    onReset: () => {
      services.resilience.forEach((providerResilience) => providerResilience.breaker.reset());
      services.quoteCache.clear();
    },
  });
  // A quote answered before a fault was injected must not hide the fault.
  faults.onChange(() => services.quoteCache.clear());
  mountWidgetFiles(app);
  if (config.serveDemo) {
    const merchant = config.merchants[0]!;
    const ownOrigins = [`http://localhost:${config.port}`, `http://127.0.0.1:${config.port}`];
    app.route(
      '/demo/api',
      createDemoMerchantRoutes({
        apiBase: `http://127.0.0.1:${config.port}`,
        publishableKey: merchant.publishableKey,
        secretKey: merchant.secretKey,
        origins: [...new Set([...merchant.allowedOrigins, ...ownOrigins])],
        webhookSecret: merchant.webhookSecret,
      }),
    );
    app.get('/demo/:file{.+}', (context) => sendFile(context, path.join(repositoryRoot, 'dist/demo'), context.req.param('file')));
    app.get('/', (context) => sendFile(context, path.join(repositoryRoot, 'demo'), 'index.html'));
    app.get('/:page{[a-z-]+\\.(html|css)}', (context) => sendFile(context, path.join(repositoryRoot, 'demo'), context.req.param('page')));
  }
  const reconciler = createReconciler(services);
  // The operator console, in both modes; live mode mounts it only with COVERKIT_OPERATOR_TOKEN set (else 404).
  if (config.operatorToken) {
    app.route('/console/api', operatorRoutes(services, { reconcileOnce: () => reconciler.reconcileOnce() }));
    mountConsoleFiles(app);
  }
  // Sends the outbox to merchants' webhook endpoints; started beside the reconciler, idle without endpoints.
  const webhooks = createDeliveryWorker({
    store: services.store,
    merchants: config.merchants,
    logger: services.logger,
    timeoutMs: config.webhookTimeoutMs,
  });
  return { app, api, services, reconciler, faults, webhooks };
}

function start() {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }
  const { app, services, reconciler, webhooks } = createServer(config);
  // Orders a crash left `binding` are settled before new traffic piles up behind them.
  reconciler.start();
  webhooks.start();
  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
    services.logger.info('listening', {
      url: `http://localhost:${info.port}/`,
      providers: [...services.adapters.values()].map((adapter) => `${adapter.id}:${adapter.mode}`),
    });
  });
  server.on('error', (error: NodeJS.ErrnoException) => {
    // A port already taken is a configuration problem: one line naming PORT, not a stack trace.
    if (error.code === 'EADDRINUSE' || error.code === 'EACCES') {
      console.error(
        `Cannot listen on ${config.host}:${config.port}: ${error.code === 'EADDRINUSE' ? 'the port is already in use' : 'permission denied'}. Set PORT to a free port.`,
      );
    } else {
      console.error(`Cannot listen on ${config.host}:${config.port}: ${error.code ?? error.message}`);
    }
    reconciler.stop();
    process.exit(error.code === 'EADDRINUSE' || error.code === 'EACCES' ? 78 : 1);
  });
  const shutdown = (signal: string) => {
    services.logger.info('shutting down', { signal });
    reconciler.stop();
    // No new delivery round starts; the one in flight ends within its POST deadline.
    const webhooksStopped = webhooks.stop();
    // Log lines are written in batches: the last ones go out before the process ends.
    server.close(
      () =>
        void webhooksStopped
          .then(() => services.store.close())
          .then(() => services.logger.flush())
          .finally(() => process.exit(0)),
    );
    setTimeout(() => void services.logger.flush().finally(() => process.exit(0)), 5000).unref();
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) start();

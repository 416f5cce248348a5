/**
 * The composition root: builds the services and the /v1 API (app.ts), and mounts beside it
 * the sandboxes with their fault controls, the widget's files and the demo shop. The only
 * server file that may import demo/; run directly, it reads the environment, listens and
 * shuts down cleanly.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { createDemoMerchantRoutes } from '../../demo/merchant-routes.ts';
import { createApi } from './app.ts';
import { ConfigError, loadConfig, type Config } from './config.ts';
import { createErrorHandler, notFound } from './middleware/error-handler.ts';
import { mountSandboxes } from './mount-sandboxes.ts';
import { createReconciler } from './orders/reconciler.ts';
import { createServices, type ServiceDependencies } from './services.ts';
import { mountWidgetFiles, repositoryRoot, sendFile } from './static-files.ts';

/** `providers` must be the list `config` was loaded with (loadConfig's option; both default to the registry). */
export type ServerOptions = ServiceDependencies;

export function createServer(config: Config, options: ServerOptions = {}) {
  const services = createServices(config, options);
  const api = createApi(config, { services });
  const app = new Hono();
  app.onError(createErrorHandler(services.logger));
  app.notFound(notFound);
  app.route('/', api);
  const faults = mountSandboxes(app, config, services.providers.values(), {
    // A reset demo starts with every provider's circuit closed too.
    onReset: () => services.resilience.forEach((providerResilience) => providerResilience.breaker.reset()),
  });
  mountWidgetFiles(app);
  if (config.serveDemo) {
    const merchant = config.merchants[0]!;
    app.route('/demo/api', createDemoMerchantRoutes({ apiBase: `http://127.0.0.1:${config.port}`, secretKey: merchant.secretKey }));
    app.get('/demo/:file{.+}', (context) => sendFile(context, path.join(repositoryRoot, 'dist/demo'), context.req.param('file')));
    app.get('/', (context) => sendFile(context, path.join(repositoryRoot, 'demo'), 'index.html'));
    app.get('/:page{[a-z-]+\\.(html|css)}', (context) => sendFile(context, path.join(repositoryRoot, 'demo'), context.req.param('page')));
  }
  const reconciler = createReconciler(services);
  return { app, api, services, reconciler, faults };
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
  const { app, services, reconciler } = createServer(config);
  // Orders a crash left `binding` are settled before new traffic piles up behind them.
  reconciler.start();
  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
    services.logger.info('listening', {
      url: `http://localhost:${info.port}/`,
      providers: [...services.adapters.values()].map((adapter) => `${adapter.id}:${adapter.mode}`),
    });
  });
  const shutdown = (signal: string) => {
    services.logger.info('shutting down', { signal });
    reconciler.stop();
    server.close(() => void services.store.close().then(() => process.exit(0)));
    setTimeout(() => process.exit(0), 5000).unref();
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) start();

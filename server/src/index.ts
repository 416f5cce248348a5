/**
 * The composition root: builds the API, the sandboxes and the widget's files (app.ts), and
 * mounts the demo shop beside them. The only server file that may import demo/; run
 * directly, it reads the environment, listens and shuts down cleanly.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { serve } from '@hono/node-server';
import { createDemoMerchantRoutes } from '../../demo/merchant-routes.ts';
import { createApp, repositoryRoot, type AppOptions } from './app.ts';
import { ConfigError, loadConfig, type Config } from './config.ts';
import { sendFile } from './static-files.ts';

export function createServer(config: Config, options: AppOptions = {}) {
  const built = createApp(config, options);
  const { app } = built;
  if (config.serveDemo) {
    const merchant = config.merchants[0]!;
    app.route('/demo/api', createDemoMerchantRoutes({ apiBase: `http://127.0.0.1:${config.port}`, secretKey: merchant.secretKey }));
    app.get('/demo/:file{.+}', (context) => sendFile(context, path.join(repositoryRoot, 'dist/demo'), context.req.param('file')));
    app.get('/', (context) => sendFile(context, path.join(repositoryRoot, 'demo'), 'index.html'));
    app.get('/:page{[a-z-]+\\.(html|css)}', (context) => sendFile(context, path.join(repositoryRoot, 'demo'), context.req.param('page')));
  }
  return built;
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

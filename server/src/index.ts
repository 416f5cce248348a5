/** Starts Coverkit: reads the environment, builds the app, listens, shuts down cleanly. */
import { serve } from '@hono/node-server';
import { createApp } from './app.ts';
import { ConfigError, loadConfig } from './config.ts';

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
  const { app, services, reconciler } = createApp(config);
  // Orders a crash left `binding` are settled before new traffic piles up behind them.
  reconciler.start();
  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
    services.logger.info('listening', { url: `http://localhost:${info.port}/`, providers: [...services.adapters.values()].map((adapter) => `${adapter.id}:${adapter.mode}`) });
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

start();

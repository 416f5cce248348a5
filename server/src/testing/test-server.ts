/** Starts the whole app on a free loopback port with its own data folder, for tests. */
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { serve } from '@hono/node-server';
import { createServer as createCoverkitServer, type ServerOptions } from '../index.ts';
import { loadConfig } from '../config.ts';
import { createLogger } from '../logger.ts';
import { createFieldCipher } from '../store/field-cipher.ts';
import { lazyStore } from '../store/lazy-store.ts';
import { openPostgresStore } from '../store/postgres-store.ts';

export async function freePort(): Promise<number> {
  const probe = createServer();
  probe.listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const { port } = probe.address() as AddressInfo;
  probe.close();
  await once(probe, 'close');
  return port;
}

export interface TestServer {
  baseUrl: string;
  origin: string;
  port: number;
  dataDir: string;
  services: ReturnType<typeof createCoverkitServer>['services'];
  reconciler: ReturnType<typeof createCoverkitServer>['reconciler'];
  faults: ReturnType<typeof createCoverkitServer>['faults'];
  /** The event delivery worker, started as the real server starts it. */
  webhooks: ReturnType<typeof createCoverkitServer>['webhooks'];
  logLines: string[];
  /** Stops the server; `keepData` leaves the data folder for a restart test. */
  close(options?: { keepData?: boolean }): Promise<void>;
}

/** Store engines a test can ask for; PostgreSQL only where COVERKIT_TEST_DATABASE_URL is set. */
export const testEngines = (): ('sqlite' | 'postgres')[] => (process.env.COVERKIT_TEST_DATABASE_URL ? ['sqlite', 'postgres'] : ['sqlite']);

export async function startTestServer(
  environment: Record<string, string> = {},
  reuse?: { port: number; dataDir: string },
  { engine = 'sqlite', providers }: { engine?: 'sqlite' | 'postgres'; providers?: ServerOptions['providers'] } = {},
): Promise<TestServer> {
  const port = reuse?.port ?? (await freePort());
  const dataDir = reuse?.dataDir ?? mkdtempSync(path.join(tmpdir(), 'coverkit-test-'));
  const config = loadConfig({ PORT: String(port), HOST: '127.0.0.1', COVERKIT_DATA_DIR: dataDir, ...environment }, { providers });
  const logLines: string[] = [];
  const store =
    engine === 'postgres'
      ? // A schema of its own per server, so tests never see each other's orders.
        lazyStore(
          openPostgresStore(process.env.COVERKIT_TEST_DATABASE_URL!, createFieldCipher(randomBytes(32)), {
            schema: `test_${randomBytes(6).toString('hex')}`,
          }),
        )
      : undefined;
  const { app, services, reconciler, faults, webhooks } = createCoverkitServer(config, {
    store,
    providers,
    logger: createLogger({ write: (line) => void logLines.push(line) }),
  });
  const server = serve({ fetch: app.fetch, port, hostname: '127.0.0.1' });
  await once(server, 'listening');
  const baseUrl = `http://127.0.0.1:${port}`;
  webhooks.start();
  return {
    baseUrl,
    origin: baseUrl,
    port,
    dataDir,
    services,
    reconciler,
    faults,
    webhooks,
    logLines,
    async close({ keepData = false } = {}) {
      await webhooks.stop();
      const closed = once(server, 'close');
      server.close();
      if ('closeAllConnections' in server) (server as { closeAllConnections(): void }).closeAllConnections();
      await closed;
      // Let the client side see its pooled sockets end before anything reuses the port.
      await new Promise((resolve) => setTimeout(resolve, 20));
      await services.store.close();
      if (!keepData) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * A `fetch` to the test server with the headers a browser on an allowed origin sends, or,
 * with a secret key, those a merchant's server sends (no Origin: browsers never hold one).
 */
export function apiClient(server: TestServer, key = 'pk_test_demo') {
  return async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const response = await fetch(`${server.baseUrl}${path}`, {
      method,
      headers: {
        Authorization: `Bearer ${key}`,
        ...(key.startsWith('sk_') ? {} : { Origin: server.origin }),
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, headers: response.headers, text, json: text ? JSON.parse(text) : undefined };
  };
}

export const galaxyS23 = { category: 'Mobile', brand: 'Samsung', model: 'Galaxy S23', price: 74999, currency: 'INR' };

export const asha = {
  name: 'Asha Rao',
  email: 'asha.rao@example.com',
  phone: '+919812345678',
  address: { line1: '12 MG Road', line2: 'Flat 4B', city: 'Bengaluru', state: 'Karnataka', postalCode: '560001', country: 'IN' },
};

/** A valid, Luhn-checked IMEI. */
export const TEST_IMEI = '490154203237518';

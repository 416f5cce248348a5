/**
 * createApi serves /v1 and nothing else, and its AppType is real: a typed `hc<AppType>` client
 * compiles against it (the type check is part of npm test) and makes real calls.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { hc } from 'hono/client';
import { createApi, type AppType } from './app.ts';
import { loadConfig } from './config.ts';
import { createLogger } from './logger.ts';
import { createServices } from './services.ts';
import { galaxyS23, startTestServer, type TestServer } from './testing/test-server.ts';

describe('createApi: the /v1 API alone, with a typed client', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'coverkit-api-'));
  const config = loadConfig({ COVERKIT_DATA_DIR: dataDir });
  const services = createServices(config, { logger: createLogger({ silent: true }) });
  const api = createApi(config, { services });
  // In process: the client's fetch is the app's own request handler.
  const client = hc<AppType>('http://localhost', { fetch: (input: RequestInfo | URL, init?: RequestInit) => api.request(input, init) });
  after(async () => {
    await services.store.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers GET /v1/health through the typed client', async () => {
    const response = await client.v1.health.$get();
    assert.equal(response.status, 200);
    const body = await response.json();
    const status: string = body.status;
    assert.equal(status, 'ok');
    assert.deepEqual(Object.keys(body.providers).sort(), ['assurify', 'bigfix', 'octamile', 'servify']);
  });

  it('mounts no sandbox, fault control, widget file or demo page', async () => {
    for (const url of ['/sandbox/bigfix/get-protection-plans/', '/sandbox/_faults', '/widget/coverkit.js', '/']) {
      assert.equal((await api.request(url)).status, 404, url);
    }
  });

  it('types paths and bodies: a wrong one does not compile', () => {
    // @ts-expect-error: no such route; if AppType lost its routes this line would stop erroring and fail the type check.
    assert.equal(typeof client.v1.nonexistent, 'function');
    // @ts-expect-error: a quote needs a device and a country.
    void (() => client.v1.quotes.$post({ json: { country: 'IN' } }));
  });
});

describe('the typed client against the whole server over HTTP', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
  });
  after(() => server.close());

  it('quotes with POST /v1/quotes', async () => {
    const client = hc<AppType>(server.baseUrl, { headers: { Authorization: 'Bearer pk_test_demo', Origin: server.origin } });
    const response = await client.v1.quotes.$post({ json: { device: galaxyS23, country: 'IN' } });
    assert.equal(response.status, 200);
    const body = await response.json();
    assert.ok(body.offers.length > 0);
    // Every offer carries its provider module's display name.
    assert.deepEqual([...new Set(body.offers.map((offer) => `${offer.provider}: ${offer.providerName}`))], ['bigfix: BigFix']);
  });
});

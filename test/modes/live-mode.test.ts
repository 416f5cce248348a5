/**
 * Live mode end to end: the server started as production starts it (`COVERKIT_MODE=live`, live
 * keys, a data key, https origins) against BigFix's simulator served over https on loopback
 * with a throwaway certificate. A quote, an order and a confirm go through; the demo, the
 * sandboxes and the fault controls are not there (404).
 */
import assert from 'node:assert/strict';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { serve, type ServerType } from '@hono/node-server';
import { createBigfixSandbox } from '../../server/src/sandbox/bigfix/bigfix-sandbox.ts';
import { asha, freePort, galaxyS23, TEST_IMEI } from '../../server/src/testing/test-server.ts';

const SHOP = 'https://shop.example';
const PUBLISHABLE = `pk_live_${randomBytes(8).toString('hex')}`;
const SECRET = `sk_live_${randomBytes(8).toString('hex')}`;
const BIGFIX_KEY = 'bfx_live_test_key_1';

/** A self-signed certificate for 127.0.0.1, made once for this test (Debian's openssl). */
function makeCertificate(folder: string) {
  const key = path.join(folder, 'key.pem');
  const cert = path.join(folder, 'cert.pem');
  execFileSync(
    'openssl',
    ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '1', '-subj', '/CN=127.0.0.1'].concat([
      '-addext',
      'subjectAltName=IP:127.0.0.1,DNS:localhost',
    ]),
    { stdio: 'ignore' },
  );
  return { key, cert };
}

describe('live mode against an https provider on loopback', () => {
  let folder: string;
  let sandbox: ServerType;
  let child: ChildProcess;
  let baseUrl: string;
  let output = '';

  before(async () => {
    folder = mkdtempSync(path.join(tmpdir(), 'coverkit-live-'));
    const { key, cert } = makeCertificate(folder);
    sandbox = serve({
      fetch: createBigfixSandbox({ apiKey: BIGFIX_KEY, accounts: ['Coverkit'] }).fetch,
      port: 0,
      hostname: '127.0.0.1',
      createServer: createHttpsServer,
      serverOptions: { key: readFileSync(key), cert: readFileSync(cert) },
    });
    await once(sandbox, 'listening');
    const sandboxPort = (sandbox.address() as AddressInfo).port;
    const port = await freePort();
    baseUrl = `http://127.0.0.1:${port}`;
    child = spawn(process.execPath, ['--import', 'tsx', 'server/src/index.ts'], {
      env: {
        PATH: process.env.PATH,
        // The throwaway certificate is trusted by this process only, as a company CA would be.
        NODE_EXTRA_CA_CERTS: cert,
        COVERKIT_MODE: 'live',
        PORT: String(port),
        HOST: '127.0.0.1',
        COVERKIT_DATA_DIR: path.join(folder, 'data'),
        COVERKIT_DATA_KEY: randomBytes(32).toString('base64'),
        COVERKIT_PUBLISHABLE_KEY: PUBLISHABLE,
        COVERKIT_SECRET_KEY: SECRET,
        COVERKIT_ALLOWED_ORIGINS: `${SHOP}/`,
        COVERKIT_PROVIDERS: 'bigfix',
        BIGFIX_BASE_URL: `https://127.0.0.1:${sandboxPort}`,
        BIGFIX_API_KEY: BIGFIX_KEY,
        BIGFIX_POLICY_SOURCE: 'Coverkit',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout!.on('data', (chunk) => (output += chunk));
    child.stderr!.on('data', (chunk) => (output += chunk));
    const deadline = Date.now() + 30_000;
    while (!/listening/.test(output)) {
      if (child.exitCode !== null || Date.now() > deadline) assert.fail(`the live server did not start:\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  });

  after(async () => {
    if (child && child.exitCode === null) {
      child.kill('SIGTERM');
      await once(child, 'exit');
    }
    sandbox?.close();
    rmSync(folder, { recursive: true, force: true });
  });

  const call = async (method: string, route: string, key: string, body?: unknown, headers: Record<string, string> = {}) => {
    const response = await fetch(`${baseUrl}${route}`, {
      method,
      headers: {
        Authorization: `Bearer ${key}`,
        ...(key.startsWith('pk_') ? { Origin: SHOP } : {}),
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, text, json: text ? JSON.parse(text) : undefined };
  };

  it('quotes, orders and confirms through BigFix over https, and the order is livemode', async () => {
    const health = await call('GET', '/v1/health', PUBLISHABLE);
    assert.deepEqual(health.json.providers, { bigfix: { mode: 'live', ok: true } });
    const quote = await call('POST', '/v1/quotes', PUBLISHABLE, { device: galaxyS23, country: 'IN' });
    assert.equal(quote.status, 200, quote.text);
    const offer = quote.json.offers.find((candidate: { type: string }) => candidate.type === 'ADLD');
    assert.ok(offer, quote.text);
    const created = await call(
      'POST',
      '/v1/orders',
      PUBLISHABLE,
      { offerId: offer.offerId, device: { imei: TEST_IMEI, brandWarrantyYears: 1 }, customer: asha },
      { 'Idempotency-Key': 'live-order-1' },
    );
    assert.equal(created.status, 201, created.text);
    assert.equal(created.json.order.livemode, true);
    const confirmed = await call(
      'POST',
      `/v1/orders/${created.json.order.id}/confirm`,
      SECRET,
      { paymentReference: 'pay_live_1' },
      { 'Idempotency-Key': 'live-confirm-1' },
    );
    assert.equal(confirmed.status, 200, confirmed.text);
    assert.equal(confirmed.json.order.status, 'active');
    assert.equal(confirmed.json.order.livemode, true);
    assert.match(confirmed.json.order.policy.reference, /^B\d{6}P/);
  });

  it('serves no demo, no sandbox and no fault controls (404)', async () => {
    for (const [method, route] of [
      ['GET', '/'],
      ['GET', '/index.html'],
      ['GET', '/product.html'],
      ['GET', '/cart.html'],
      ['GET', '/demo/shop.js'],
      ['POST', '/demo/api/checkout'],
      ['GET', '/demo/api/orders/ord_x'],
      ['GET', '/sandbox/bigfix/get-protection-plans/'],
      ['POST', '/sandbox/octamile'],
      ['GET', '/sandbox/_faults'],
      ['POST', '/sandbox/_faults'],
      ['DELETE', '/sandbox/_faults'],
      // Assurify is used by no merchant here: its sandbox signing secret is public, so no events.
      ['POST', '/v1/webhooks/assurify'],
      ['POST', '/v1/providers/assurify/events'],
    ] as const) {
      const response = await fetch(`${baseUrl}${route}`, {
        method,
        headers: method === 'POST' ? { 'Content-Type': 'application/json', Origin: baseUrl } : {},
        body: method === 'POST' ? '{}' : undefined,
      });
      assert.equal(response.status, 404, `${method} ${route}`);
    }
  });

  it('a test key is unknown to a live server', async () => {
    assert.equal((await call('POST', '/v1/quotes', 'pk_test_demo', { device: galaxyS23, country: 'IN' })).status, 401);
  });
});

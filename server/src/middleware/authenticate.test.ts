import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { apiClient, galaxyS23, startTestServer, type TestServer } from '../testing/test-server.ts';
import { FAILED_AUTH_BURST } from './authenticate.ts';

describe('authenticate: secret keys stay on servers, wrong keys are limited', () => {
  let server: TestServer;
  before(async () => (server = await startTestServer()));
  after(() => server.close());

  it('refuses a secret key sent from a browser (an Origin header) on every keyed route', async () => {
    const fromBrowser = (method: string, path: string, body?: unknown) =>
      apiClient(server, 'sk_test_demo')(method, path, body, { Origin: server.origin });
    const routes: [string, string, unknown?][] = [
      ['GET', '/v1/catalog'],
      ['POST', '/v1/quotes', { device: galaxyS23, country: 'IN' }],
      ['GET', '/v1/orders/ord_x'],
      ['POST', '/v1/orders/ord_x/confirm', { paymentReference: 'pay_1' }],
      ['POST', '/v1/orders/ord_x/cancel', { reason: 'changed my mind' }],
      ['GET', '/v1/orders/ord_x/certificate'],
      ['POST', '/v1/orders/ord_x/activation'],
    ];
    for (const [method, path, body] of routes) {
      const response = await fromBrowser(method, path, body);
      assert.equal(response.status, 403, `${method} ${path}: ${response.text}`);
      assert.equal(response.json.error.code, 'secret_key_in_browser');
      assert.ok(!response.text.includes('sk_test_demo'), 'the key is not echoed');
    }
    // The same key from a server (no Origin), as the demo's merchant routes send it, works.
    assert.equal((await apiClient(server, 'sk_test_demo')('GET', '/v1/catalog')).status, 200);
  });

  it('answers 429 with Retry-After once an address has sent too many wrong keys, even for a right key then', async () => {
    const guesses: number[] = [];
    for (let guess = 0; guess < FAILED_AUTH_BURST + 5; guess++)
      guesses.push((await apiClient(server, `pk_test_guess${guess}`)('GET', '/v1/catalog')).status);
    assert.deepEqual(guesses.slice(0, FAILED_AUTH_BURST), Array(FAILED_AUTH_BURST).fill(401));
    assert.deepEqual(guesses.slice(FAILED_AUTH_BURST), Array(5).fill(429));
    const right = await apiClient(server, 'pk_test_demo')('GET', '/v1/catalog');
    assert.equal(right.status, 429, 'a blocked address learns nothing from a right guess');
    assert.equal(right.json.error.code, 'rate_limited');
    assert.ok(Number(right.headers.get('retry-after')) >= 1);
  });
});

describe('rate limit on the activation and certificate routes', () => {
  it('answers a flood of certificate reads and activation uploads with 429', async () => {
    const server = await startTestServer({ COVERKIT_RATE_LIMIT_PER_MINUTE: '20' });
    try {
      for (const [key, method, path] of [
        ['sk_test_demo', 'GET', '/v1/orders/ord_missing/certificate'],
        ['pk_test_demo', 'POST', '/v1/orders/ord_missing/activation'],
      ] as const) {
        const statuses: number[] = [];
        for (let request = 0; request < 15; request++) statuses.push((await apiClient(server, key)(method, path)).status);
        assert.equal(statuses.filter((status) => status === 404).length, 10, `${path}: the burst passes`);
        assert.equal(statuses.filter((status) => status === 429).length, 5, `${path}: ${statuses.join(',')}`);
      }
    } finally {
      await server.close();
    }
  });
});

describe('behind a trusted proxy (COVERKIT_TRUSTED_PROXIES=1)', () => {
  let server: TestServer;
  before(async () => (server = await startTestServer({ COVERKIT_TRUSTED_PROXIES: '1' })));
  after(() => server.close());
  const from = (address: string, key: string) =>
    apiClient(server, key)('GET', '/v1/catalog', undefined, { 'X-Forwarded-For': `203.0.113.250, ${address}` });

  it('limits wrong keys per client the proxy names, so one client cannot lock out the others behind it', async () => {
    for (let guess = 0; guess < FAILED_AUTH_BURST; guess++) assert.equal((await from('198.51.100.7', `pk_test_guess${guess}`)).status, 401);
    assert.equal((await from('198.51.100.7', 'pk_test_guess_more')).status, 429);
    // Another shopper behind the same proxy, and the left-hand entry a client may forge, do not matter.
    assert.equal((await from('198.51.100.8', 'pk_test_demo')).status, 200);
  });
});

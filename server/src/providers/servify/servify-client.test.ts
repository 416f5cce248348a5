import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { once } from 'node:events';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { after, before, describe, it } from 'node:test';
import { ProviderError } from '../../errors.ts';
import { createServifySandbox } from '../../sandbox/servify/servify-sandbox.ts';
import { freePort, startTestServer, type TestServer } from '../../testing/test-server.ts';
import { ServifyClient, type ServifyClientConfig } from './servify-client.ts';

const brandList = { productSubCategoryCode: 'SMARTPHONE', countryCode: 'IN' };

describe('Servify client against the sandbox: what Servify checks', () => {
  let server: TestServer;
  let config: ServifyClientConfig;
  const strangerKeys = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });

  before(async () => {
    server = await startTestServer();
    config = server.services.config.providers.servify;
  });
  after(() => server.close());

  async function refusal(client: ServifyClient): Promise<ProviderError> {
    const error = await client.call('/ServiceRequest/getBrandList', brandList, AbortSignal.timeout(5000)).then(
      () => assert.fail('the call should have been refused'),
      (error: unknown) => error,
    );
    assert.ok(error instanceof ProviderError, String(error));
    return error;
  }

  it('signs, encrypts, opens a session and reads the encrypted answer', async () => {
    const brands = await new ServifyClient(config).call('/ServiceRequest/getBrandList', brandList, AbortSignal.timeout(5000));
    assert.ok(Array.isArray(brands) && brands.some((brand: { brandName: string }) => brand.brandName === 'OnePlus'));
  });

  it('is refused with HMAC.INVALID.401 for an x-date more than 5 minutes off', async () => {
    const error = await refusal(new ServifyClient(config, { now: () => new Date(Date.now() - 6 * 60_000) }));
    assert.equal(error.failure, 'rejected_credentials');
    assert.match(error.providerCode, /^HMAC\.INVALID\.401 \(ticket [0-9a-f-]{36}\)$/);
  });

  it('is refused with HMAC.INVALID.401 for a wrong client signature', async () => {
    const error = await refusal(new ServifyClient({ ...config, clientSignature: 'not-the-signature' }));
    assert.match(error.providerCode, /^HMAC\.INVALID\.401/);
    assert.ok(!error.message.includes('not-the-signature'));
  });

  it('is refused with CLIENT.INVALID.401 (in clear) for an unknown client id', async () => {
    const error = await refusal(new ServifyClient({ ...config, clientId: 'someone-else' }));
    assert.equal(error.failure, 'rejected_credentials');
    assert.match(error.providerCode, /^CLIENT\.INVALID\.401/);
  });

  it('is refused with DECRYPTION.ERROR.401 for a body encrypted to the wrong key', async () => {
    const error = await refusal(new ServifyClient({ ...config, servifyPublicKey: strangerKeys.publicKey }));
    assert.equal(error.failure, 'rejected_credentials');
    assert.match(error.providerCode, /^DECRYPTION\.ERROR\.401/);
  });

  it('fails cleanly when the answer is not encrypted to our key', async () => {
    const error = await refusal(new ServifyClient({ ...config, clientPrivateKey: strangerKeys.privateKey }));
    assert.equal(error.failure, 'provider_error');
    assert.match(error.providerCode, /not decryptable/);
  });

  it('renews its session when Servify ends it early (TOK.EXP.001), once, transparently', async () => {
    const client = new ServifyClient(config);
    await client.call('/ServiceRequest/getBrandList', brandList, AbortSignal.timeout(5000));
    await fetch(`${server.baseUrl}/sandbox/servify/Sandbox/expireTokens`, { method: 'POST' });
    const brands = await client.call('/ServiceRequest/getBrandList', brandList, AbortSignal.timeout(5000));
    assert.ok(Array.isArray(brands));
  });

  it('renews its session before the 15 minutes run out, on a clock shared with the sandbox', async () => {
    let clock = Date.now();
    const now = () => new Date(clock);
    const sandboxKeys = generateKeyPairSync('rsa', {
      modulusLength: 2048,
      publicKeyEncoding: { type: 'spki', format: 'pem' },
      privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    });
    const clientKeys = generateKeyPairSync('rsa', {
      modulusLength: 2048,
      publicKeyEncoding: { type: 'spki', format: 'pem' },
      privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    });
    const paths: string[] = [];
    const app = new Hono()
      .use(async (context, next) => (paths.push(context.req.path), next()))
      .route(
        '/',
        createServifySandbox({
          clientId: 'clock-test',
          clientSignature: 'clock-secret',
          clientPublicKey: clientKeys.publicKey,
          privateKey: sandboxKeys.privateKey,
          now,
        }),
      );
    const port = await freePort();
    const sandbox = serve({ fetch: app.fetch, port, hostname: '127.0.0.1' });
    await once(sandbox, 'listening');
    try {
      const client = new ServifyClient(
        {
          baseUrl: `http://127.0.0.1:${port}`,
          clientId: 'clock-test',
          clientSignature: 'clock-secret',
          xHost: 'localhost',
          servifyPublicKey: sandboxKeys.publicKey,
          clientPrivateKey: clientKeys.privateKey,
        },
        { now },
      );
      const tokens = () => paths.filter((path) => path === '/Auth/generateToken').length;
      await client.call('/ServiceRequest/getBrandList', brandList, AbortSignal.timeout(5000));
      clock += 10 * 60_000;
      await client.call('/ServiceRequest/getBrandList', brandList, AbortSignal.timeout(5000));
      assert.equal(tokens(), 1, 'the token is reused while it has time left');
      clock += 4.5 * 60_000;
      await client.call('/ServiceRequest/getBrandList', brandList, AbortSignal.timeout(5000));
      assert.equal(tokens(), 2, 'renewed a minute before expiry, before Servify refuses it');
      assert.equal(paths.length, 5, 'no call was refused and retried');
    } finally {
      sandbox.close();
      if ('closeAllConnections' in sandbox) (sandbox as { closeAllConnections(): void }).closeAllConnections();
    }
  });

  it('refuses a missing required field with DATA.BAD_REQUEST.400, naming fields and no values', async () => {
    const client = new ServifyClient(config);
    const error = await client
      .call('/Contract/checkEligibility', { PlanCode: 'SFYADLD01', ProductUniqueID: '356938035643809' }, AbortSignal.timeout(5000))
      .catch((caught: unknown) => caught);
    assert.ok(error instanceof ProviderError);
    assert.equal(error.failure, 'provider_error');
    assert.match(error.providerCode, /^DATA\.BAD_REQUEST\.400/);
    assert.ok(!error.message.includes('356938035643809'));
  });
});

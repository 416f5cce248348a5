import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { describe, it } from 'node:test';
import { ConfigError, loadConfig } from '../../config.ts';

const keys = generateKeyPairSync('rsa', {
  modulusLength: 2048,
  publicKeyEncoding: { type: 'spki', format: 'pem' },
  privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
});
const live = {
  SERVIFY_BASE_URL: 'https://clientstag.servify.tech/',
  SERVIFY_CLIENT_ID: 'coverkit',
  SERVIFY_CLIENT_SIGNATURE: 'x'.repeat(64),
  SERVIFY_X_HOST: 'coverkit.example',
  SERVIFY_PUBLIC_KEY: keys.publicKey,
  SERVIFY_CLIENT_PRIVATE_KEY: keys.privateKey,
  SERVIFY_CALLBACK_SECRET: 'a-long-shared-callback-secret',
};

describe('Servify configuration', () => {
  it('uses the sandbox with generated key pairs when SERVIFY_BASE_URL is unset', () => {
    const config = loadConfig({ PORT: '9999' }).providers.servify;
    assert.equal(config.mode, 'sandbox');
    assert.equal(config.baseUrl, 'http://127.0.0.1:9999/sandbox/servify');
    assert.deepEqual(config.planCodes, ['SFYADLD01', 'SFYEW01']);
    assert.equal(config.asyncBind, false);
    assert.match(config.sandbox!.privateKey, /BEGIN PRIVATE KEY/);
    assert.match(config.sandbox!.callbackUrl, /\/v1\/callbacks\/servify$/);
    assert.ok(loadConfig({}).merchants[0]!.providers.includes('servify'));
  });

  it('reads live settings, with PEM text given on one line with \\n escapes', () => {
    const config = loadConfig({
      ...live,
      SERVIFY_PUBLIC_KEY: keys.publicKey.replace(/\n/g, '\\n'),
      SERVIFY_PLAN_CODES: 'SFYADLD01, SFYSCR01',
      SERVIFY_ASYNC_BIND: 'true',
    }).providers.servify;
    assert.equal(config.mode, 'live');
    assert.equal(config.baseUrl, 'https://clientstag.servify.tech');
    assert.deepEqual(config.planCodes, ['SFYADLD01', 'SFYSCR01']);
    assert.equal(config.asyncBind, true);
    assert.equal(config.sandbox, undefined);
  });

  for (const name of [
    'SERVIFY_CLIENT_ID',
    'SERVIFY_CLIENT_SIGNATURE',
    'SERVIFY_X_HOST',
    'SERVIFY_PUBLIC_KEY',
    'SERVIFY_CLIENT_PRIVATE_KEY',
    'SERVIFY_CALLBACK_SECRET',
  ]) {
    it(`names ${name} when it is missing in live mode (async binds on)`, () => {
      assert.throws(
        () => loadConfig({ ...live, SERVIFY_ASYNC_BIND: 'true', [name]: '' }),
        (error: unknown) => error instanceof ConfigError && error.message.includes(name),
      );
    });
  }

  it('needs no callback secret for live synchronous binds, and then accepts no callback', () => {
    const config = loadConfig({ ...live, SERVIFY_CALLBACK_SECRET: '' }).providers.servify;
    assert.notEqual(config.callbackSecret, 'sfy_callback_sandbox_5e2d7a');
    assert.ok(config.callbackSecret.length >= 40);
  });

  it('names a key that is not a PEM RSA key, without echoing it', () => {
    assert.throws(
      () => loadConfig({ ...live, SERVIFY_CLIENT_PRIVATE_KEY: 'secret-not-a-key' }),
      (error: unknown) =>
        error instanceof ConfigError && error.message.includes('SERVIFY_CLIENT_PRIVATE_KEY') && !error.message.includes('secret-not-a-key'),
    );
    assert.throws(() => loadConfig({ ...live, SERVIFY_PUBLIC_KEY: keys.privateKey.replace('PRIVATE', 'PUBLIC') }), /SERVIFY_PUBLIC_KEY/);
    assert.throws(() => loadConfig({ ...live, SERVIFY_ASYNC_BIND: 'yes' }), /SERVIFY_ASYNC_BIND/);
  });
});

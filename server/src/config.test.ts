import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { ConfigError, loadConfig } from './config.ts';
import { providerRegistry, type ProviderRegistry } from './providers/registry.ts';

const folder = mkdtempSync(path.join(tmpdir(), 'coverkit-config-'));
after(() => rmSync(folder, { recursive: true, force: true }));

function refusal(environment: Record<string, string>, providers?: ProviderRegistry): string {
  try {
    loadConfig(environment, { providers });
  } catch (error) {
    assert.ok(error instanceof ConfigError);
    return error.message;
  }
  assert.fail('the configuration was accepted');
}

describe('configuration', () => {
  it('runs with no configuration at all: every provider in sandbox mode, the demo merchant', () => {
    const config = loadConfig({});
    assert.equal(config.port, 8787);
    assert.deepEqual(
      Object.values(config.providers).map((provider) => provider.mode),
      ['sandbox', 'sandbox', 'sandbox', 'sandbox'],
    );
    assert.equal(config.merchants[0]!.publishableKey, 'pk_test_demo');
    assert.deepEqual(config.merchants[0]!.allowedOrigins, ['http://localhost:8787', 'http://127.0.0.1:8787']);
  });

  it('names each bad variable', () => {
    assert.match(refusal({ PORT: 'eighty' }), /PORT: must be a port number/);
    assert.match(refusal({ COVERKIT_DATA_KEY: 'short' }), /COVERKIT_DATA_KEY: must be 32 bytes/);
    assert.match(refusal({ COVERKIT_PUBLISHABLE_KEY: 'sk_test_oops' }), /COVERKIT_PUBLISHABLE_KEY/);
    assert.match(refusal({ DATABASE_URL: 'mysql://x' }), /DATABASE_URL: must be a postgres:\/\/ URL/);
    assert.match(refusal({ COVERKIT_ALLOWED_ORIGINS: 'not a url' }), /COVERKIT_ALLOWED_ORIGINS/);
    assert.match(
      refusal({ BIGFIX_BASE_URL: 'https://api.bigfix.in/api/assurify' }),
      /BIGFIX_API_KEY: is required when BIGFIX_BASE_URL is set/,
    );
  });

  it('configures the modules it is given, each id once', () => {
    const [bigfix, assurify] = providerRegistry;
    assert.deepEqual(Object.keys(loadConfig({}, { providers: [bigfix, assurify] }).providers), ['bigfix', 'assurify']);
    assert.match(refusal({}, [bigfix, bigfix]), /each id once/);
    assert.match(refusal({}, []), /need at least one/);
  });

  it('reads several merchants from COVERKIT_MERCHANTS_FILE, and refuses a reused key', () => {
    const merchant = (id: string, key: string) => ({
      id,
      name: id,
      publishableKey: `pk_test_${key}`,
      secretKey: `sk_test_${key}`,
      allowedOrigins: ['https://shop.example'],
      providers: ['bigfix'],
    });
    const good = path.join(folder, 'merchants.json');
    writeFileSync(good, JSON.stringify([merchant('alpha', 'alpha1'), merchant('beta', 'beta22')]));
    assert.deepEqual(
      loadConfig({ COVERKIT_MERCHANTS_FILE: good }).merchants.map((entry) => entry.id),
      ['alpha', 'beta'],
    );
    const reused = path.join(folder, 'reused.json');
    writeFileSync(reused, JSON.stringify([merchant('alpha', 'same11'), merchant('beta', 'same11')]));
    assert.match(refusal({ COVERKIT_MERCHANTS_FILE: reused }), /COVERKIT_MERCHANTS_FILE: merchant beta reuses a key/);
    assert.match(refusal({ COVERKIT_MERCHANTS_FILE: path.join(folder, 'missing.json') }), /COVERKIT_MERCHANTS_FILE: cannot read/);
  });

  it('stops the server at start with the message and exit code 78', () => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'server/src/index.ts'], {
      env: { ...process.env, PORT: 'eighty' },
      encoding: 'utf8',
      timeout: 30_000,
    });
    assert.equal(result.status, 78);
    assert.match(result.stderr, /PORT: must be a port number/);
  });
});

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

  it('refuses a shared database without a shared data key, and takes one with it', () => {
    const database = { DATABASE_URL: 'postgres://coverkit@127.0.0.1:5432/coverkit' };
    assert.match(refusal(database), /COVERKIT_DATA_KEY: is required with DATABASE_URL, the same on every instance/);
    const config = loadConfig({ ...database, COVERKIT_DATA_KEY: Buffer.alloc(32, 7).toString('base64') });
    assert.equal(config.databaseUrl, database.DATABASE_URL);
    assert.equal(config.dataKey?.length, 32);
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

/** A complete live configuration (BigFix only), which each test below breaks in one place. */
const DATA_KEY = Buffer.alloc(32, 7).toString('base64');
const liveEnvironment = {
  COVERKIT_MODE: 'live',
  COVERKIT_PUBLISHABLE_KEY: 'pk_live_shop1234',
  COVERKIT_SECRET_KEY: 'sk_live_shop1234',
  COVERKIT_ALLOWED_ORIGINS: 'https://shop.example',
  COVERKIT_PROVIDERS: 'bigfix',
  COVERKIT_DATA_KEY: DATA_KEY,
  BIGFIX_BASE_URL: 'https://api.bigfix.example',
  BIGFIX_API_KEY: 'bfx_live_key',
  BIGFIX_POLICY_SOURCE: 'Coverkit',
};

describe('test and live modes (COVERKIT_MODE)', () => {
  it('accepts a complete live configuration: no demo, no sandboxes', () => {
    const config = loadConfig(liveEnvironment);
    assert.equal(config.mode, 'live');
    assert.equal(config.serveDemo, false);
    assert.equal(config.serveSandboxes, false);
    assert.equal(config.providers.bigfix.mode, 'live');
    assert.deepEqual(config.merchants[0]!.providers, ['bigfix']);
  });

  it('test mode is the default and serves the demo and the sandboxes', () => {
    const config = loadConfig({});
    assert.equal(config.mode, 'test');
    assert.equal(config.serveDemo, true);
    assert.equal(config.serveSandboxes, true);
    assert.match(refusal({ COVERKIT_MODE: 'production' }), /COVERKIT_MODE: must be test or live/);
  });

  it('live mode refuses the public demo keys, test keys and a missing origin list, naming the variable', () => {
    const without = (name: keyof typeof liveEnvironment) =>
      Object.fromEntries(Object.entries(liveEnvironment).filter(([key]) => key !== name));
    assert.match(refusal(without('COVERKIT_SECRET_KEY')), /COVERKIT_SECRET_KEY: is required in live mode/);
    assert.match(refusal(without('COVERKIT_PUBLISHABLE_KEY')), /COVERKIT_PUBLISHABLE_KEY: is required in live mode/);
    assert.match(
      refusal({ ...liveEnvironment, COVERKIT_SECRET_KEY: 'sk_test_demo' }),
      /COVERKIT_SECRET_KEY: must be an sk_live_… key in live mode/,
    );
    assert.match(
      refusal({ ...liveEnvironment, COVERKIT_PUBLISHABLE_KEY: 'pk_test_demo' }),
      /COVERKIT_PUBLISHABLE_KEY: must be a pk_live_… key/,
    );
    assert.match(refusal(without('COVERKIT_ALLOWED_ORIGINS')), /COVERKIT_ALLOWED_ORIGINS: is required in live mode/);
    assert.match(
      refusal({ ...liveEnvironment, COVERKIT_ALLOWED_ORIGINS: 'http://shop.example' }),
      /COVERKIT_ALLOWED_ORIGINS: must be https:\/\/ origins/,
    );
    assert.match(refusal(without('COVERKIT_DATA_KEY')), /COVERKIT_DATA_KEY: is required in live mode/);
  });

  it('live mode refuses a used provider on its sandbox, over http, or without credentials', () => {
    assert.match(refusal({ ...liveEnvironment, BIGFIX_BASE_URL: '' }), /BIGFIX_BASE_URL: is required in live mode/);
    assert.match(
      refusal({ ...liveEnvironment, BIGFIX_BASE_URL: 'http://api.bigfix.example' }),
      /BIGFIX_BASE_URL: must be an https:\/\/ URL in live mode/,
    );
    assert.match(refusal({ ...liveEnvironment, BIGFIX_API_KEY: '' }), /BIGFIX_API_KEY: is required in live mode/);
    const assurify = { ...liveEnvironment, COVERKIT_PROVIDERS: 'bigfix,assurify', ASSURIFY_BASE_URL: 'https://api.assurify.example' };
    const assurifyKeys = { ASSURIFY_SECRET_KEY: 'sk_live_assurify1', ASSURIFY_WEBHOOK_SECRET: 'whsec_live_0123456789abcdef' };
    assert.equal(loadConfig({ ...assurify, ...assurifyKeys }).providers.assurify.mode, 'live');
    assert.match(
      refusal({ ...assurify, ...assurifyKeys, ASSURIFY_SECRET_KEY: 'sk_sandbox_coverkit_demo' }),
      /ASSURIFY_SECRET_KEY: must be a live key/,
    );
    assert.match(refusal({ ...assurify, ...assurifyKeys, ASSURIFY_BASE_URL: '' }), /ASSURIFY_BASE_URL: is required in live mode/);
    // The default merchant uses every provider unless COVERKIT_PROVIDERS says otherwise.
    const everyProvider = Object.fromEntries(Object.entries(liveEnvironment).filter(([key]) => key !== 'COVERKIT_PROVIDERS'));
    assert.match(refusal(everyProvider), /(ASSURIFY|SERVIFY|OCTAMILE)_BASE_URL: is required in live mode/);
    assert.match(
      refusal({ ...liveEnvironment, COVERKIT_PROVIDERS: 'bigfix,nobody' }),
      /COVERKIT_PROVIDERS: must be a comma-separated list/,
    );
  });

  it('a merchants file must match the mode: test keys refused in live mode, live keys in test mode', () => {
    const merchant = (kind: 'test' | 'live', origins = ['https://shop.example']) => ({
      id: 'alpha',
      name: 'Alpha',
      publishableKey: `pk_${kind}_alpha1`,
      secretKey: `sk_${kind}_alpha1`,
      allowedOrigins: origins,
      providers: ['bigfix'],
    });
    const write = (name: string, content: unknown) => {
      const file = path.join(folder, name);
      writeFileSync(file, JSON.stringify(content));
      return file;
    };
    const live = { ...liveEnvironment, COVERKIT_PUBLISHABLE_KEY: '', COVERKIT_SECRET_KEY: '', COVERKIT_ALLOWED_ORIGINS: '' };
    assert.equal(loadConfig({ ...live, COVERKIT_MERCHANTS_FILE: write('live.json', [merchant('live')]) }).mode, 'live');
    assert.match(
      refusal({ ...live, COVERKIT_MERCHANTS_FILE: write('test-in-live.json', [merchant('test')]) }),
      /COVERKIT_MERCHANTS_FILE \(merchant alpha\): must be a pk_live_… key in live mode/,
    );
    assert.match(
      refusal({ ...live, COVERKIT_MERCHANTS_FILE: write('http-in-live.json', [merchant('live', ['http://shop.example'])]) }),
      /COVERKIT_MERCHANTS_FILE \(merchant alpha\): must be https:\/\/ origins/,
    );
    assert.match(
      refusal({ COVERKIT_MERCHANTS_FILE: write('live-in-test.json', [merchant('live')]) }),
      /COVERKIT_MERCHANTS_FILE \(merchant alpha\): must be a pk_test_… key in test mode/,
    );
    assert.match(refusal({ COVERKIT_SECRET_KEY: 'sk_live_shop1234' }), /COVERKIT_SECRET_KEY: must be an sk_test_… key in test mode/);
  });

  it('in live mode the server never starts on the demo keys (sk_test_demo): exit 78 naming the variable', () => {
    const { COVERKIT_SECRET_KEY: _secret, COVERKIT_PUBLISHABLE_KEY: _publishable, ...withoutKeys } = liveEnvironment;
    for (const environment of [withoutKeys, { ...liveEnvironment, COVERKIT_SECRET_KEY: 'sk_test_demo' }]) {
      const result = spawnSync(process.execPath, ['--import', 'tsx', 'server/src/index.ts'], {
        env: { ...process.env, ...environment, PORT: '0', COVERKIT_DATA_DIR: folder },
        encoding: 'utf8',
        timeout: 30_000,
      });
      assert.equal(result.status, 78, result.stderr);
      assert.match(result.stderr, /COVERKIT_(SECRET|PUBLISHABLE)_KEY/);
      assert.doesNotMatch(result.stdout, /listening/);
    }
  });
});

describe('configuration traps', () => {
  it('accepts the documented default offer life, given explicitly (COVERKIT_OFFER_TTL_MS=1800000)', () => {
    assert.equal(loadConfig({ COVERKIT_OFFER_TTL_MS: '1800000' }).offerTtlMs, 1_800_000);
  });

  it('normalises an allowed origin with a trailing slash, and refuses one with a path', () => {
    assert.deepEqual(
      loadConfig({ COVERKIT_ALLOWED_ORIGINS: 'https://shop.example/, http://localhost:3000' }).merchants[0]!.allowedOrigins,
      ['https://shop.example', 'http://localhost:3000'],
    );
    assert.match(refusal({ COVERKIT_ALLOWED_ORIGINS: 'https://shop.example/checkout' }), /COVERKIT_ALLOWED_ORIGINS.*must be origins like/);
  });

  it('a port in use: one line naming PORT, no stack trace, a non-zero exit', async () => {
    const { createServer } = await import('node:net');
    const holder = createServer().listen(0, '127.0.0.1');
    await new Promise((resolve) => holder.once('listening', resolve));
    const { port } = holder.address() as { port: number };
    try {
      const result = spawnSync(process.execPath, ['--import', 'tsx', 'server/src/index.ts'], {
        env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', COVERKIT_DATA_DIR: folder },
        encoding: 'utf8',
        timeout: 30_000,
      });
      assert.notEqual(result.status, 0);
      assert.match(result.stderr, /PORT/);
      assert.doesNotMatch(result.stderr, /\n\s+at /, 'no stack trace');
      assert.equal(result.stderr.trim().split('\n').length, 1, result.stderr);
    } finally {
      holder.close();
    }
  });
});

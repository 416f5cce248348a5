/** The webhook endpoint settings: COVERKIT_WEBHOOK_*, the merchants file, and the demo default in test mode. */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { ConfigError, DEMO_WEBHOOK_PATH, DEMO_WEBHOOK_SECRET, loadConfig } from '../config.ts';

const folder = mkdtempSync(path.join(tmpdir(), 'coverkit-webhook-config-'));
after(() => rmSync(folder, { recursive: true, force: true }));

function refusal(environment: Record<string, string>): string {
  try {
    loadConfig(environment);
  } catch (error) {
    assert.ok(error instanceof ConfigError);
    return error.message;
  }
  assert.fail('the configuration was accepted');
}

const live = {
  COVERKIT_MODE: 'live',
  COVERKIT_PUBLISHABLE_KEY: 'pk_live_shop1',
  COVERKIT_SECRET_KEY: 'sk_live_shop1',
  COVERKIT_ALLOWED_ORIGINS: 'https://shop.example',
  COVERKIT_DATA_KEY: Buffer.alloc(32, 1).toString('base64'),
  COVERKIT_PROVIDERS: 'bigfix',
  BIGFIX_BASE_URL: 'https://bigfix.example',
  BIGFIX_API_KEY: 'key',
  BIGFIX_POLICY_SOURCE: 'source',
};

describe('webhook configuration', () => {
  it('points the default merchant at the demo shop’s own endpoint in test mode', () => {
    const [merchant] = loadConfig({ PORT: '9100' }).merchants;
    assert.equal(merchant!.webhookUrl, `http://127.0.0.1:9100${DEMO_WEBHOOK_PATH}`);
    assert.equal(merchant!.webhookSecret, DEMO_WEBHOOK_SECRET);
    assert.equal(loadConfig({}).webhookTimeoutMs, 10_000);
  });

  it('takes COVERKIT_WEBHOOK_URL with its secret, and refuses one without', () => {
    const [merchant] = loadConfig({
      COVERKIT_WEBHOOK_URL: 'https://shop.example/hooks',
      COVERKIT_WEBHOOK_SECRET: 'whsec_0123456789abcdef',
      COVERKIT_WEBHOOK_TIMEOUT_MS: '3000',
    }).merchants;
    assert.equal(merchant!.webhookUrl, 'https://shop.example/hooks');
    assert.match(refusal({ COVERKIT_WEBHOOK_URL: 'https://shop.example/hooks' }), /COVERKIT_WEBHOOK_SECRET: is required/);
    assert.match(refusal({ COVERKIT_WEBHOOK_URL: 'ftp://shop.example' }), /COVERKIT_WEBHOOK_URL/);
    assert.match(refusal({ COVERKIT_WEBHOOK_URL: 'https://shop.example/h', COVERKIT_WEBHOOK_SECRET: 'short' }), /at least 16/);
  });

  it('has no endpoint in live mode unless one is set, and only an https:// one', () => {
    assert.equal(loadConfig(live).merchants[0]!.webhookUrl, undefined);
    assert.match(
      refusal({ ...live, COVERKIT_WEBHOOK_URL: 'http://shop.example/hooks', COVERKIT_WEBHOOK_SECRET: 'whsec_0123456789abcdef' }),
      /COVERKIT_WEBHOOK_URL: must be an https:\/\/ URL in live mode/,
    );
  });

  it('reads webhookUrl and webhookSecret per merchant from the merchants file', () => {
    const file = path.join(folder, 'merchants.json');
    const merchant = {
      id: 'shop',
      name: 'Shop',
      publishableKey: 'pk_test_shop1',
      secretKey: 'sk_test_shop1',
      allowedOrigins: ['https://shop.example'],
      providers: ['bigfix'],
    };
    writeFileSync(
      file,
      JSON.stringify([{ ...merchant, webhookUrl: 'https://shop.example/hooks', webhookSecret: 'whsec_0123456789abcdef' }]),
    );
    assert.equal(loadConfig({ COVERKIT_MERCHANTS_FILE: file }).merchants[0]!.webhookSecret, 'whsec_0123456789abcdef');
    writeFileSync(file, JSON.stringify([{ ...merchant, webhookUrl: 'https://shop.example/hooks' }]));
    assert.match(
      refusal({ COVERKIT_MERCHANTS_FILE: file }),
      /merchant shop.*COVERKIT_WEBHOOK_SECRET|COVERKIT_WEBHOOK_SECRET.*shop|webhook/i,
    );
  });
});

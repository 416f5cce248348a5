/** COVERKIT_OPERATOR_TOKEN: a public default in test mode, none in live mode, where it must look random. */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { ConfigError, loadConfig } from '../config.ts';
import { createServer } from '../index.ts';
import { createLogger } from '../logger.ts';

const dataDir = mkdtempSync(path.join(tmpdir(), 'coverkit-operator-'));
after(() => rmSync(dataDir, { recursive: true, force: true }));

const live = {
  COVERKIT_MODE: 'live',
  COVERKIT_PUBLISHABLE_KEY: 'pk_live_shop1234',
  COVERKIT_SECRET_KEY: 'sk_live_shop1234',
  COVERKIT_ALLOWED_ORIGINS: 'https://shop.example',
  COVERKIT_PROVIDERS: 'bigfix',
  COVERKIT_DATA_KEY: randomBytes(32).toString('base64'),
  COVERKIT_DATA_DIR: dataDir,
  BIGFIX_BASE_URL: 'https://api.bigfix.example',
  BIGFIX_API_KEY: 'bfx_live_key',
  BIGFIX_POLICY_SOURCE: 'Coverkit',
};
const LIVE_TOKEN = `op_live_${randomBytes(24).toString('hex')}`;

describe('COVERKIT_OPERATOR_TOKEN', () => {
  it('defaults to op_test_demo in test mode and takes another there', () => {
    assert.equal(loadConfig({ COVERKIT_DATA_DIR: dataDir }).operatorToken, 'op_test_demo');
    assert.equal(loadConfig({ COVERKIT_DATA_DIR: dataDir, COVERKIT_OPERATOR_TOKEN: 'op_test_mine' }).operatorToken, 'op_test_mine');
  });

  it('has no default in live mode, and refuses a test, short or repetitive token there, naming the variable', () => {
    assert.equal(loadConfig(live).operatorToken, null);
    assert.equal(loadConfig({ ...live, COVERKIT_OPERATOR_TOKEN: LIVE_TOKEN }).operatorToken, LIVE_TOKEN);
    for (const token of ['op_test_demo', 'short-token', 'a'.repeat(40), 'op live with spaces 0123456789abcdefghij']) {
      assert.throws(
        () => loadConfig({ ...live, COVERKIT_OPERATOR_TOKEN: token }),
        (error: Error) => error instanceof ConfigError && /COVERKIT_OPERATOR_TOKEN: /.test(error.message),
        token,
      );
    }
  });

  it('mounts the console in live mode only with a token: without one, /console and its API are 404', async () => {
    const logger = createLogger({ write: () => undefined });
    const without = createServer(loadConfig(live), { logger });
    assert.equal((await without.app.request('/console')).status, 404);
    assert.equal(
      (await without.app.request('/console/api/session', { headers: { Authorization: 'Bearer sk_live_shop1234' } })).status,
      404,
    );
    await without.services.store.close();
    const withToken = createServer(loadConfig({ ...live, COVERKIT_OPERATOR_TOKEN: LIVE_TOKEN }), { logger });
    const session = await withToken.app.request('/console/api/session', { headers: { Authorization: `Bearer ${LIVE_TOKEN}` } });
    assert.equal(session.status, 200);
    assert.deepEqual(await session.json(), { scope: 'operator', merchantId: null, mode: 'live' });
    await withToken.services.store.close();
  });
});

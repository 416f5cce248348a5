/** Nothing secret ships to the browser: the built widget and demo hold no key but publishable ones. */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { loadConfig } from '../../server/src/config.ts';

function filesUnder(folder: string): string[] {
  return readdirSync(folder).flatMap((entry) => {
    const full = path.join(folder, entry);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

describe('browser bundles', () => {
  it('contain no secret key, provider credential or private key (npm test builds them first)', () => {
    const config = loadConfig({ PORT: '8787' });
    const { bigfix, assurify, octamile, servify } = config.providers;
    const secrets = [
      ...config.merchants.map((merchant) => merchant.secretKey),
      bigfix.apiKey,
      assurify.secretKey,
      assurify.webhookSecret,
      octamile.authorizationKey,
      servify.clientSignature,
      servify.callbackSecret,
      // The console's sign-in token: typed by the operator, never shipped in its page or script.
      config.operatorToken,
    ].filter((secret): secret is string => typeof secret === 'string' && secret.length > 0);
    // Everything a browser is served: the built bundles and the demo's pages.
    const files = ['dist/widget', 'dist/demo', 'demo', 'dist/console', 'console']
      .flatMap(filesUnder)
      .filter((file) => /\.(js|mjs|map|html|css)$/.test(file));
    assert.ok(
      files.some((file) => file.endsWith('coverkit.js')),
      'the widget was built',
    );
    for (const file of files) {
      const content = readFileSync(file, 'utf8');
      for (const secret of secrets) assert.ok(!content.includes(secret), `${file} contains a secret (${secret.slice(0, 6)}…)`);
      assert.doesNotMatch(content, /sk_(test|live)_[A-Za-z0-9_]+/, `${file} contains something shaped like a secret key`);
      assert.doesNotMatch(content, /-----BEGIN [A-Z ]*PRIVATE KEY-----/, `${file} contains a private key`);
    }
  });
});

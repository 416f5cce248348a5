import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadConfig } from '../config.ts';

const terms = (config: ReturnType<typeof loadConfig>, provider: string) =>
  (config.providers as Record<string, { terms?: unknown }>)[provider]?.terms;

describe('offer terms from configuration', () => {
  it('gives every sandbox provider a terms page, an underwriter and a free-look period', () => {
    const config = loadConfig({});
    for (const provider of ['bigfix', 'assurify', 'servify', 'octamile']) {
      const value = terms(config, provider) as { url: string; underwriter: string; freeLookDays: number };
      assert.match(value.url, /^https:\/\//, provider);
      assert.ok(value.underwriter.length > 0, provider);
      assert.ok(Number.isInteger(value.freeLookDays), provider);
    }
  });

  it('takes a provider’s own values from its variables', () => {
    const config = loadConfig({
      BIGFIX_TERMS_URL: 'https://bigfix.test/terms',
      BIGFIX_UNDERWRITER: 'Example General Insurance',
      BIGFIX_FREE_LOOK_DAYS: '30',
    });
    assert.deepEqual(terms(config, 'bigfix'), {
      url: 'https://bigfix.test/terms',
      underwriter: 'Example General Insurance',
      freeLookDays: 30,
    });
  });

  it('refuses a bad value naming the variable', () => {
    assert.throws(() => loadConfig({ SERVIFY_TERMS_URL: 'javascript:alert(1)' }), /SERVIFY_TERMS_URL/);
    assert.throws(() => loadConfig({ OCTAMILE_FREE_LOOK_DAYS: 'two weeks' }), /OCTAMILE_FREE_LOOK_DAYS/);
  });
});

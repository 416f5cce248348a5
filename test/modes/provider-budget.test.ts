/**
 * One client must not drain a provider for everyone (issue 12, finding 8). Assurify allows
 * 500 calls a minute and a quote with an IMEI costs two: quotes get a budget below that,
 * split between the merchants, and identical quotes are answered from a short cache.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { passesLuhn } from '../../contract/luhn.ts';
import { ProviderBudget } from '../../server/src/providers/kit/provider-budget.ts';
import { apiClient, freePort, galaxyS23, startTestServer, type TestServer } from '../../server/src/testing/test-server.ts';

/** A distinct, Luhn-valid IMEI per number. */
function imei(index: number): string {
  const body = `35${String(index).padStart(12, '0')}`;
  const check = [...Array(10).keys()].find((digit) => passesLuhn(`${body}${digit}`))!;
  return `${body}${check}`;
}

describe('provider budgets', () => {
  it('a merchant at its share is refused, another merchant still spends its own', () => {
    let time = 0;
    const budget = new ProviderBudget({ perMinute: 500, merchantIds: ['alpha', 'beta'], now: () => time });
    assert.equal(budget.perMerchant, 200);
    let spent = 0;
    while (budget.trySpend('alpha', 2)) spent += 2;
    assert.equal(spent, 200);
    assert.equal(budget.trySpend('beta', 2), true);
    time += 60_000;
    assert.equal(budget.trySpend('alpha', 2), true, 'the minute has passed');
  });
});

describe('one merchant hammering Assurify quotes cannot starve another (over HTTP)', () => {
  let server: TestServer;
  let folder: string;
  const merchants = ['alpha', 'beta'];

  before(async () => {
    folder = mkdtempSync(path.join(tmpdir(), 'coverkit-budget-'));
    const port = await freePort();
    const file = path.join(folder, 'merchants.json');
    writeFileSync(
      file,
      JSON.stringify(
        merchants.map((id) => ({
          id,
          name: id,
          publishableKey: `pk_test_${id}_key`,
          secretKey: `sk_test_${id}_key`,
          allowedOrigins: [`http://127.0.0.1:${port}`],
          providers: ['assurify'],
        })),
      ),
    );
    server = await startTestServer(
      { COVERKIT_MERCHANTS_FILE: file, COVERKIT_RATE_LIMIT_PER_MINUTE: '1000000' },
      { port, dataDir: path.join(folder, 'data') },
    );
  });
  after(async () => {
    await server.close();
    rmSync(folder, { recursive: true, force: true });
  });

  const quote = async (merchant: string, deviceImei: string) => {
    const answer = await apiClient(server, `pk_test_${merchant}_key`)('POST', '/v1/quotes', {
      device: { ...galaxyS23, imei: deviceImei },
      country: 'IN',
    });
    assert.equal(answer.status, 200, answer.text);
    return answer.json as { offers: { provider: string }[]; unavailable: { provider: string; code: string }[] };
  };
  const hasAssurify = (answer: Awaited<ReturnType<typeof quote>>) => answer.offers.some((offer) => offer.provider === 'assurify');

  it('alpha gets provider_busy past its share, Assurify never sees more than its limit, beta still gets offers', async () => {
    const answers: Awaited<ReturnType<typeof quote>>[] = [];
    for (let batch = 0; batch < 13; batch += 1) {
      answers.push(...(await Promise.all(Array.from({ length: 10 }, (_, index) => quote('alpha', imei(batch * 10 + index))))));
    }
    const served = answers.filter(hasAssurify).length;
    const busy = answers.filter((answer) =>
      answer.unavailable.some((entry) => entry.provider === 'assurify' && entry.code === 'provider_busy'),
    );
    assert.ok(served > 0, 'alpha got some Assurify offers');
    assert.ok(served * 2 <= 500 / merchants.length, `alpha spent ${served * 2} Assurify calls, more than its share`);
    assert.ok(busy.length > 0, 'alpha was told Assurify is busy');
    assert.equal(busy[0]!.offers.length, 0);

    // Beta's shoppers are untouched by alpha's flood.
    assert.ok(hasAssurify(await quote('beta', imei(9001))), 'beta still gets Assurify offers');
    // Alpha's own earlier quote is answered from the cache: it spends nothing and still shows offers.
    assert.ok(hasAssurify(await quote('alpha', imei(0))), 'a repeated quote is served from the cache');
    // The cache key is a keyed digest: no IMEI in what the server logged.
    assert.ok(!server.logLines.join('\n').includes(imei(0)));
  });
});

/** Promise 1 of the README, on every store engine: one key, one order, one bind. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { apiClient, asha, galaxyS23, startTestServer, TEST_IMEI, testEngines, type TestServer } from '../testing/test-server.ts';

for (const engine of testEngines()) {
  describe(`idempotency under concurrency (${engine})`, () => {
    let server: TestServer;
    let browser: ReturnType<typeof apiClient>;
    let merchant: ReturnType<typeof apiClient>;
    before(async () => {
      server = await startTestServer({ COVERKIT_RATE_LIMIT_PER_MINUTE: '100000' }, undefined, { engine });
      browser = apiClient(server);
      merchant = apiClient(server, 'sk_test_demo');
    });
    after(() => server.close());

    it('50 concurrent creates with one key make one order; 50 concurrent confirms bind once', async () => {
      const quote = await browser('POST', '/v1/quotes', { device: galaxyS23, country: 'IN' });
      const body = { offerId: quote.json.offers[0].offerId, device: { imei: TEST_IMEI, brandWarrantyYears: 1 }, customer: asha };
      const creates = await Promise.all(
        Array.from({ length: 50 }, () => browser('POST', '/v1/orders', body, { 'Idempotency-Key': 'fifty' })),
      );
      const created = creates.filter((response) => response.status === 201);
      assert.ok(created.length >= 1);
      assert.equal(new Set(created.map((response) => response.json.order.id)).size, 1, 'one order');
      assert.ok(
        creates.every((response) => response.status === 201 || response.status === 409),
        'the rest are replays or in-flight 409s',
      );

      const id = created[0]!.json.order.id;
      const confirms = await Promise.all(
        Array.from({ length: 50 }, () =>
          merchant('POST', `/v1/orders/${id}/confirm`, { paymentReference: 'pay_50' }, { 'Idempotency-Key': 'confirm-fifty' }),
        ),
      );
      const succeeded = confirms.filter((response) => response.status === 200);
      assert.ok(succeeded.length >= 1);
      assert.equal(new Set(succeeded.map((response) => response.json.order.policy.reference)).size, 1, 'one policy');
      assert.ok(confirms.every((response) => response.status === 200 || response.status === 409));
      const policyLog = server.logLines.filter((line) => line.includes('"order bound"'));
      assert.equal(policyLog.length, 1, 'the provider was called to bind exactly once');
    });

    it('refuses an Idempotency-Key over 255 characters', async () => {
      const response = await browser('POST', '/v1/orders', { offerId: 'x', customer: asha }, { 'Idempotency-Key': 'k'.repeat(256) });
      assert.equal(response.status, 400);
      assert.equal(response.json.error.fields[0].path, 'Idempotency-Key');
    });
  });
}

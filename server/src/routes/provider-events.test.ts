/** `POST /v1/providers/:id/events`: one route for every provider's events, the old paths as aliases. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { signAssurifyPayload } from '../providers/assurify/assurify-signature.ts';
import { startTestServer, type TestServer } from '../testing/test-server.ts';

describe('POST /v1/providers/:id/events', () => {
  let server: TestServer;

  before(async () => {
    server = await startTestServer({ ASSURIFY_SANDBOX_WEBHOOK_DELAY_MS: '600000' });
  });
  after(() => server.close());

  async function post(path: string, body: string, headers: Record<string, string> = {}) {
    const response = await fetch(`${server.baseUrl}${path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...headers },
      body,
    });
    return { status: response.status, json: await response.json() };
  }

  it('answers 404 for an unknown provider and for one that sends no events', async () => {
    assert.equal((await post('/v1/providers/nobody/events', '{}')).status, 404);
    const bigfix = await post('/v1/providers/bigfix/events', '{}');
    assert.deepEqual([bigfix.status, bigfix.json.error.code], [404, 'not_found']);
  });

  it("verifies with the provider's own signature, and shares what it stored with the alias", async () => {
    const secret = server.services.config.providers.assurify.webhookSecret;
    const body = JSON.stringify({ id: 'evt_generic_0001', type: 'claim.decision', data: { customer: 'cust_nobody' } });
    const now = Math.floor(Date.now() / 1000);
    const forged = await post('/v1/providers/assurify/events', body, {
      'X-Assurify-Signature': signAssurifyPayload('whsec_wrong_secret_000', now, body),
    });
    assert.deepEqual([forged.status, forged.json.error.code], [401, 'invalid_signature']);
    const notJson = await post('/v1/providers/assurify/events', 'nope', {
      'X-Assurify-Signature': signAssurifyPayload(secret, now, 'nope'),
    });
    assert.deepEqual([notJson.status, notJson.json.error.code], [400, 'invalid_event']);

    const accepted = await post('/v1/providers/assurify/events', body, { 'X-Assurify-Signature': signAssurifyPayload(secret, now, body) });
    assert.deepEqual([accepted.status, accepted.json], [200, { received: true }]);
    const replayed = await post('/v1/webhooks/assurify', body, { 'X-Assurify-Signature': signAssurifyPayload(secret, now, body) });
    assert.deepEqual([replayed.status, replayed.json], [200, { received: true, duplicate: true }]);
  });
});

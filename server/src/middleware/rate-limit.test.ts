import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { apiClient, startTestServer } from '../testing/test-server.ts';

describe('rate limit per key and client address', () => {
  it('answers a flood with 429 and Retry-After, and leaves other keys alone', async () => {
    const server = await startTestServer({ COVERKIT_RATE_LIMIT_PER_MINUTE: '20' });
    try {
      const browser = apiClient(server);
      const statuses: number[] = [];
      let retryAfter: string | null = null;
      for (let request = 0; request < 15; request++) {
        const response = await browser('GET', '/v1/catalog');
        statuses.push(response.status);
        if (response.status === 429) retryAfter ??= response.headers.get('retry-after');
      }
      assert.equal(statuses.filter((status) => status === 200).length, 10, 'the burst passes');
      assert.equal(statuses.filter((status) => status === 429).length, 5);
      assert.ok(Number(retryAfter) >= 1);
      assert.equal((await apiClient(server, 'sk_test_demo')('GET', '/v1/catalog')).status, 200, 'the secret key has its own bucket');
    } finally {
      await server.close();
    }
  });
});

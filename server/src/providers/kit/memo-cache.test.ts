import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createMemoCache } from './memo-cache.ts';

describe('memo cache', () => {
  it('shares one call between concurrent callers and remembers the answer until it expires', async () => {
    let time = 0;
    let calls = 0;
    const cache = createMemoCache<number>({ ttlMs: 1000, now: () => time });
    const fetch = async () => ++calls;
    assert.deepEqual(await Promise.all([cache.get('a', fetch), cache.get('a', fetch)]), [1, 1]);
    time = 999;
    assert.equal(await cache.get('a', fetch), 1);
    time = 1000;
    assert.equal(await cache.get('a', fetch), 2);
  });

  it('never remembers a failure', async () => {
    const cache = createMemoCache<string>({ ttlMs: 60_000 });
    await assert.rejects(cache.get('k', async () => Promise.reject(new Error('down'))));
    assert.equal(await cache.get('k', async () => 'up'), 'up');
  });

  it('keeps at most maxEntries, dropping the oldest', async () => {
    let calls = 0;
    const cache = createMemoCache<number>({ ttlMs: 60_000, maxEntries: 2 });
    const fetch = async () => ++calls;
    await cache.get('a', fetch);
    await cache.get('b', fetch);
    await cache.get('c', fetch);
    assert.equal(await cache.get('b', fetch), 2, 'b is still remembered');
    assert.equal(await cache.get('a', fetch), 4, 'a was dropped and fetched again');
  });
});

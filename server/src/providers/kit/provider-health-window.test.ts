import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ProviderError } from '../../errors.ts';
import { outcomeOf, ProviderHealthWindow } from './provider-health-window.ts';
import { ProviderResilience } from './resilience.ts';

describe('provider health over the last hour', () => {
  it('counts outcomes per minute and forgets minutes older than an hour', () => {
    let now = Date.parse('2026-12-01T10:00:30Z');
    const window = new ProviderHealthWindow({ now: () => now });
    window.record('ok');
    window.record('ok');
    window.record('outage');
    now += 60_000;
    window.record('refused');
    assert.deepEqual(window.lastHour().total, { ok: 2, refused: 1, outage: 1, unknown: 0 });
    assert.deepEqual(
      window.lastHour().minutes.map((minute) => minute.at),
      ['2026-12-01T10:00:00.000Z', '2026-12-01T10:01:00.000Z'],
    );
    now += 59 * 60_000; // 11:00:30: the 10:00 minute is an hour old
    assert.deepEqual(window.lastHour().total, { ok: 0, refused: 1, outage: 0, unknown: 0 });
    window.record('unknown'); // takes over the 10:00 minute's slot, without its old counts
    assert.deepEqual(window.lastHour().total, { ok: 0, refused: 1, outage: 0, unknown: 1 });
  });

  it('is fed by every call through a provider resilience, with the error kind', async () => {
    const resilience = new ProviderResilience('bigfix');
    await resilience.run(async () => 'fine', { retry: false });
    const refused = new ProviderError({ provider: 'bigfix', failure: 'refused', status: 422, providerCode: 'E422', shopperMessage: 'No' });
    await assert.rejects(resilience.run(() => Promise.reject(refused), { retry: false }));
    await assert.rejects(resilience.run(() => Promise.reject(new Error('bug')), { retry: false }));
    assert.deepEqual(resilience.health.lastHour().total, { ok: 1, refused: 1, outage: 0, unknown: 1 });
    assert.equal(
      outcomeOf(new ProviderError({ provider: 'bigfix', failure: 'timeout', providerCode: 'timeout', shopperMessage: 'Slow' })),
      'outage',
    );
  });
});

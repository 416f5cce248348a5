import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { kindOfFailure, ProviderError, type ProviderErrorKind, type ProviderFailure } from '../../errors.ts';
import { isOutage, ProviderResilience } from './resilience.ts';

const failing = (failure: ProviderFailure, options: { status?: number; kind?: ProviderErrorKind } = {}) =>
  new ProviderError({ provider: 'octamile', failure, providerCode: 'x', shopperMessage: 'x', ...options });

describe('refused / outage / unknown, and the circuit', () => {
  it('derives the kind from the failure, a 4xx being a refusal', () => {
    assert.equal(kindOfFailure('refused'), 'refused');
    assert.equal(kindOfFailure('provider_error', 400), 'refused');
    assert.equal(kindOfFailure('provider_error', 503), 'outage');
    assert.equal(kindOfFailure('provider_error'), 'outage');
    for (const failure of ['timeout', 'unreachable', 'rate_limited', 'rejected_credentials'] as const)
      assert.equal(kindOfFailure(failure), 'outage', failure);
    assert.equal(failing('provider_error', { kind: 'unknown' }).kind, 'unknown', 'a mapper may say otherwise');
  });

  it('never leaves a refusal with an unknown outcome', () => {
    assert.equal(failing('provider_error', { status: 400 }).outcomeUnknown, false);
    // A 503 is the provider answering that it did not act (issue 13): an outage, not an unknown.
    assert.equal(failing('provider_error', { status: 503 }).outcomeUnknown, false);
    assert.equal(failing('provider_error', { status: 500 }).outcomeUnknown, true);
    assert.equal(failing('timeout').outcomeUnknown, true);
  });

  it('opens the circuit on outages only: refusals and unknown answers leave it closed', async () => {
    const resilience = new ProviderResilience('octamile', { failureThreshold: 3 });
    for (const error of [failing('refused'), failing('provider_error', { status: 422 }), failing('provider_error', { kind: 'unknown' })]) {
      for (let attempt = 0; attempt < 5; attempt++) await assert.rejects(resilience.run(() => Promise.reject(error), { retry: false }));
      assert.equal(isOutage(error), false);
      assert.equal(resilience.breaker.state, 'closed', error.kind);
    }
    for (let attempt = 0; attempt < 3; attempt++)
      await assert.rejects(resilience.run(() => Promise.reject(failing('provider_error', { status: 503 })), { retry: false }));
    assert.equal(resilience.breaker.state, 'open');
  });
});

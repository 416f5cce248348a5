import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { signAssurifyPayload, verifyAssurifySignature } from './assurify-signature.ts';

const secret = 'whsec_test_0123456789';
const body = '{"id":"evt_1","type":"policy.activated","data":{}}';
const now = 1_800_000_000_000;
const t = now / 1000;

describe('Assurify webhook signatures', () => {
  it('accepts a signature over the exact raw body and timestamp', () => {
    assert.deepEqual(verifyAssurifySignature(secret, signAssurifyPayload(secret, t, body), body, now), { ok: true, timestamp: t });
  });

  it('accepts any one matching v1 value, as during a secret rotation', () => {
    const good = signAssurifyPayload(secret, t, body).split(',')[1];
    assert.equal(verifyAssurifySignature(secret, `t=${t},v1=${'0'.repeat(64)},${good}`, body, now).ok, true);
  });

  it('refuses a changed body, another secret, an old or future timestamp, and garbage', () => {
    const reason = (header: string | undefined, raw = body) => {
      const check = verifyAssurifySignature(secret, header, raw, now);
      return check.ok ? 'ok' : check.reason;
    };
    assert.equal(reason(signAssurifyPayload(secret, t, body), `${body} `), 'mismatch');
    assert.equal(reason(signAssurifyPayload('whsec_other_secret', t, body)), 'mismatch');
    assert.equal(reason(signAssurifyPayload(secret, t - 301, body)), 'stale');
    assert.equal(reason(signAssurifyPayload(secret, t + 301, body)), 'stale');
    assert.equal(reason(signAssurifyPayload(secret, t - 299, body)), 'ok');
    assert.equal(reason(undefined), 'missing');
    assert.equal(reason('v1=abc'), 'malformed');
    assert.equal(reason(`t=${t},v1=short`), 'mismatch');
    assert.equal(reason('nonsense'), 'malformed');
  });
});

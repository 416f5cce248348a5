/** `@coverkit/widget/server`'s check against the signatures the server really makes. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { signEvent } from '../../server/src/events/event-signature.ts';
import { CoverkitSignatureError, verifyCoverkitSignature } from '../../widget/src/server.ts';

const secret = 'whsec_merchant_test_0123456789';
const body = JSON.stringify({
  id: 'evt_1',
  type: 'order.active',
  created: 1_790_000_000,
  livemode: false,
  data: { order: { id: 'ord_1' } },
});
const at = new Date('2026-12-01T12:00:00Z');
const now = Math.floor(at.getTime() / 1000);

describe('verifyCoverkitSignature', () => {
  it('returns the event for a body signed with the secret', async () => {
    const event = await verifyCoverkitSignature(body, signEvent(secret, body, at), secret, { now });
    assert.equal(event.type, 'order.active');
    assert.equal(event.data.order?.id, 'ord_1');
    const bytes = new TextEncoder().encode(body);
    assert.equal((await verifyCoverkitSignature(bytes, signEvent(secret, body, at), secret, { now: now + 299 })).id, 'evt_1');
  });

  it('accepts any one matching v1 (a secret being rolled over)', async () => {
    const good = signEvent(secret, body, at);
    const other = signEvent('whsec_the_old_secret_012345', body, at).split(',')[1];
    assert.equal((await verifyCoverkitSignature(body, `${good},${other}`, secret, { now })).id, 'evt_1');
  });

  it('refuses a tampered body, another secret, a tampered timestamp and a malformed header', async () => {
    const header = signEvent(secret, body, at);
    const refusals: [string | Uint8Array, string | undefined, string][] = [
      [body.replace('order.active', 'order.cancelled'), header, secret],
      [body, header, 'whsec_some_other_secret_000'],
      [body, header.replace(`t=${now}`, `t=${now + 1}`), secret],
      [body, undefined, secret],
      [body, 'v1=abc', secret],
      [body, `t=${now},v1=zz`, secret],
      [body, header, ''],
    ];
    for (const [rawBody, given, key] of refusals) {
      await assert.rejects(verifyCoverkitSignature(rawBody, given, key, { now }), CoverkitSignatureError, String(given));
    }
  });

  it('refuses a signature older (or further ahead) than the tolerance: a replay', async () => {
    const header = signEvent(secret, body, at);
    await assert.rejects(verifyCoverkitSignature(body, header, secret, { now: now + 301 }), /more than 300 s/);
    await assert.rejects(verifyCoverkitSignature(body, header, secret, { now: now - 301 }), /more than 300 s/);
    assert.ok(await verifyCoverkitSignature(body, header, secret, { now: now + 3000, toleranceSeconds: 3600 }));
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { QuotedOffer } from '../providers/types.ts';
import { digestImei, OfferSigner, OfferTokenError } from './offer-token.ts';

const IMEI = '490154203237518';
const offer: QuotedOffer = {
  provider: 'assurify',
  type: 'ADLD',
  planCode: 'plan_adld_12',
  name: 'Accidental damage, 1 year',
  termMonths: 12,
  price: { amount: 4321.5, currency: 'INR' },
  requires: ['device.imei'],
  covers: [],
  device: { category: 'Mobile', brand: 'Samsung', model: 'Galaxy A55', price: 39999, currency: 'INR' },
  country: 'IN',
  // What routes/quotes.ts puts there today: the unkeyed digest of the IMEI.
  context: { sessionId: 'sess_9f8e7d6c5b4a', imeiDigest: digestImei(IMEI) },
};
const expires = () => new Date(Date.now() + 60_000);
const reasonOf = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    if (error instanceof OfferTokenError) return error.reason;
    throw error;
  }
  return 'accepted';
};

describe('OfferSigner: sealed offer ids', () => {
  const signer = new OfferSigner('sk_test_merchant');

  it('seals the offer: nothing inside the id is readable, not even the IMEI digest', () => {
    const token = signer.sign('default', offer, expires());
    const inside = Buffer.from(token.slice(4).replace(/\./g, ''), 'base64url').toString('latin1');
    for (const readable of ['sess_9f8e7d6c5b4a', digestImei(IMEI), 'Galaxy A55', 'plan_adld_12', '4321.5', 'imeiDigest'])
      assert.ok(!inside.includes(readable), readable);
    // Sealing twice gives two different ids (a fresh IV), which still open to the same offer.
    const again = signer.sign('default', offer, expires());
    assert.notEqual(again, token);
    assert.equal(signer.verify(again, 'default').offer.price.amount, 4321.5);
    assert.equal(signer.verify(token, 'default').offer.context?.sessionId, 'sess_9f8e7d6c5b4a');
  });

  it('binds the IMEI with a keyed digest: brute force over IMEIs without the key finds nothing', () => {
    const opened = signer.verify(signer.sign('default', offer, expires()), 'default').offer;
    assert.equal(signer.identifierMatches(opened, 'imei', IMEI), true);
    assert.equal(signer.identifierMatches(opened, 'imei', '356938035643809'), false);
    assert.notEqual(opened.context?.imeiDigest, digestImei(IMEI), 'not the unkeyed digest anyone can compute');
    // Another merchant's key computes another digest for the same IMEI.
    const other = new OfferSigner('sk_test_other');
    const otherOpened = other.verify(other.sign('default', offer, expires()), 'default').offer;
    assert.notEqual(otherOpened.context?.imeiDigest, opened.context?.imeiDigest);
  });

  it('binds an IMEI or serial given in the device, and never carries them as they are', () => {
    const withIdentifiers = { ...offer, context: { sessionId: 's' }, device: { ...offer.device, imei: IMEI, serial: 'R58N 12abc' } };
    const opened = signer.verify(signer.sign('default', withIdentifiers, expires()), 'default').offer;
    assert.equal(opened.device.imei, undefined);
    assert.equal(opened.device.serial, undefined);
    assert.equal(signer.identifierMatches(opened, 'imei', IMEI), true);
    assert.equal(signer.identifierMatches(opened, 'serial', 'r58n12ABC'), true, 'case and spaces do not matter');
    assert.equal(signer.identifierMatches(opened, 'serial', 'R58N12ABD'), false);
    const unbound = signer.verify(signer.sign('default', { ...offer, context: {} }, expires()), 'default').offer;
    assert.equal(signer.identifierMatches(unbound, 'serial', 'R58N12ABC'), null);
  });

  it('refuses a tampered, foreign, other-merchant or expired id', () => {
    const token = signer.sign('default', offer, expires());
    const bytes = Buffer.from(token.slice(4), 'base64url');
    for (const index of [0, 14, bytes.length - 1]) {
      const tampered = Buffer.from(bytes);
      tampered[index] = tampered[index]! ^ 0x80;
      assert.equal(
        reasonOf(() => signer.verify(`ofr_${tampered.toString('base64url')}`, 'default')),
        'signature',
        `byte ${index}`,
      );
    }
    assert.equal(
      reasonOf(() => new OfferSigner('sk_test_other').verify(token, 'default')),
      'signature',
    );
    assert.equal(
      reasonOf(() => signer.verify(token, 'another-merchant')),
      'merchant',
    );
    assert.equal(
      reasonOf(() => signer.verify(signer.sign('default', offer, new Date(Date.now() - 1)), 'default')),
      'expired',
    );
    for (const malformed of ['', 'ofr_', 'ofr_abc', 'ofr_a.b', 'offer_x'])
      assert.equal(
        reasonOf(() => signer.verify(malformed, 'default')),
        'malformed',
      );
  });
});

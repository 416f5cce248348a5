import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadConfig } from '../config.ts';
import { OfferSigner } from '../offers/offer-token.ts';
import type { QuotedOffer } from '../providers/types.ts';
import { asha } from '../testing/test-server.ts';
import { draftOrder } from './order-draft.ts';
import { OrderFieldsInvalid } from './order-errors.ts';

const merchant = loadConfig({}).merchants[0]!;
const signer = new OfferSigner(merchant.secretKey);
const IMEI = '490154203237518';
const quoted: QuotedOffer = {
  provider: 'bigfix',
  type: 'EW',
  planCode: 'ew-1y',
  name: 'Extended warranty, 1 year',
  termMonths: 12,
  price: { amount: 1999, currency: 'INR' },
  requires: [],
  covers: [],
  device: { category: 'Laptop', brand: 'Lenovo', model: 'ThinkPad X1', price: 150000, currency: 'INR', imei: IMEI, serial: 'PF3ABC12' },
  country: 'IN',
  context: { years: 1 },
};
const offerId = signer.sign(merchant.id, quoted, new Date(Date.now() + 60_000));

function refusedFields(device: Record<string, unknown>): string[] {
  try {
    draftOrder(signer, merchant, { offerId, device, customer: asha });
  } catch (error) {
    if (error instanceof OrderFieldsInvalid) return error.fields.map((field) => field.path);
    throw error;
  }
  return [];
}

describe('draftOrder: the device bound is the device quoted', () => {
  it('refuses another serial number or IMEI than the quote named', () => {
    assert.deepEqual(refusedFields({ serial: 'PF3XYZ99' }), ['device.serial']);
    assert.deepEqual(refusedFields({ imei: '356938035643809', serial: 'PF3ABC12' }), ['device.imei']);
    assert.deepEqual(refusedFields({ imei: IMEI, serial: 'pf3abc12' }), []);
  });

  it('refuses another brand or model, and keeps the quoted spelling of the same one', () => {
    assert.deepEqual(refusedFields({ brand: 'Dell', model: 'XPS 13' }), ['device.brand', 'device.model']);
    const { order } = draftOrder(signer, merchant, { offerId, device: { brand: 'lenovo', model: 'Thinkpad  X1' }, customer: asha });
    assert.equal(order.device.brand, 'Lenovo');
    assert.equal(order.device.model, 'ThinkPad X1');
  });

  it('keeps no identifier digest with the order', () => {
    const { order } = draftOrder(signer, merchant, { offerId, device: { serial: 'PF3ABC12' }, customer: asha });
    assert.deepEqual(order.offer.context, { years: 1 });
  });
});

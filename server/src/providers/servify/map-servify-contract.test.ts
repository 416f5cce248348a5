import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createContractFields } from '../../sandbox/servify/servify-validation.ts';
import { asha, galaxyS23 } from '../../testing/test-server.ts';
import type { QuotedOffer } from '../types.ts';
import { createContractRequest, indianDay, servifyReasonCode, splitPhone } from './map-servify-contract.ts';

const offer: QuotedOffer = {
  provider: 'servify',
  type: 'ADLD',
  planCode: 'SFYADLD01',
  name: 'Servify Accidental & Liquid Damage Protection',
  termMonths: 12,
  price: { amount: 4500, currency: 'INR' },
  requires: [],
  covers: [],
  device: galaxyS23,
  country: 'IN',
  context: { devicePurchaseDate: '2026-11-20' },
};

describe('our order → Servify createContract', () => {
  it('splits an international phone number into PhoneCode and MobileNo', () => {
    assert.deepEqual(splitPhone('+919812345678'), { PhoneCode: '91', MobileNo: '9812345678' });
    assert.deepEqual(splitPhone('+2348031234567'), { PhoneCode: '234', MobileNo: '8031234567' });
  });

  it('fills every starred field, with YYYY-MM-DD dates and the quoted price', () => {
    const request = createContractRequest(
      {
        orderId: 'ord_123',
        merchantId: 'default',
        offer,
        device: { imei: '356938035643809' },
        customer: asha,
        paymentReference: 'pay',
        signal: AbortSignal.timeout(1000),
      },
      'SAMSUNG',
      new Date('2026-11-22T10:00:00Z'),
    );
    for (const field of Object.keys(createContractFields)) {
      const value = (request as unknown as Record<string, unknown>)[field];
      assert.ok(value !== undefined && value !== '', `${field} is filled`);
    }
    assert.equal(request.ExternalReferenceID, 'ord_123');
    assert.equal(request.OrderID, 'ord_123');
    assert.equal(request.ProductUniqueID, '356938035643809');
    assert.equal(request.DeviceDateOfPurchase, '2026-11-20');
    assert.equal(request.DateOfPurchase, '2026-11-22');
    assert.equal(request.PlanPrice, 4500);
    assert.equal(request.PhoneCode, '91');
    assert.equal(request.MobileNo, '9812345678');
    assert.deepEqual(request.CustomerAddress, {
      AddressLine1: '12 MG Road',
      AddressLine2: 'Flat 4B',
      Zipcode: '560001',
      City: 'Bengaluru',
      State: 'Karnataka',
    });
    assert.equal(request.Zipcode, '560001');
    assert.equal(request.State, 'Karnataka');
  });

  it('dates a sale by the Indian calendar day: 01:15 IST is that day, not the UTC day before', () => {
    const justAfterMidnightInIndia = new Date('2026-11-21T19:45:00Z');
    assert.equal(indianDay(justAfterMidnightInIndia), '2026-11-22');
    const request = createContractRequest(
      {
        orderId: 'ord_1',
        merchantId: 'default',
        offer,
        device: { imei: '356938035643809' },
        customer: asha,
        paymentReference: 'p',
        signal: AbortSignal.timeout(1000),
      },
      'SAMSUNG',
      justAfterMidnightInIndia,
    );
    assert.equal(request.DateOfPurchase, '2026-11-22');
  });
});

describe("the merchant's cancellation reason → Servify's ReasonCode", () => {
  it("passes a reason code the merchant gives, and sends the doc's RC101 for free text", () => {
    assert.equal(servifyReasonCode('RC104: returned the phone'), 'RC104');
    assert.equal(servifyReasonCode(' rc102 duplicate'), 'RC102');
    assert.equal(servifyReasonCode('Changed my mind'), 'RC101');
  });
});

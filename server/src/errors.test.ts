import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ApiError, apiErrorFrom, ProviderError } from './errors.ts';
import {
  CertificateNotReady,
  IllegalTransition,
  OfferExpired,
  OfferInvalid,
  OperationNotSupported,
  OrderFieldsInvalid,
  OrderNotFound,
  OrderStateConflict,
} from './orders/order-errors.ts';

describe('apiErrorFrom: the one mapping of domain and provider errors to HTTP', () => {
  const cases: [Error, number, string][] = [
    [new OrderNotFound(), 404, 'order_not_found'],
    [new OrderStateConflict({ action: 'confirm', status: 'active' }), 409, 'order_not_confirmable'],
    [new OrderStateConflict({ action: 'cancel', status: 'failed' }), 409, 'order_not_cancellable'],
    [new OrderStateConflict({ action: 'activate', status: 'active' }), 409, 'order_not_awaiting_activation'],
    [new OrderStateConflict({ action: 'activate', status: 'pending_activation', busy: true }), 409, 'activation_in_progress'],
    [new OperationNotSupported('cancel', 'no'), 409, 'cancellation_not_supported'],
    [new OperationNotSupported('activate', 'no'), 409, 'activation_not_supported'],
    [new OperationNotSupported('certificate', 'no'), 404, 'certificate_not_available'],
    [new CertificateNotReady(), 404, 'certificate_not_ready'],
    [new OfferExpired(), 400, 'offer_expired'],
    [new OfferInvalid(), 400, 'invalid_offer'],
    [new OrderFieldsInvalid([{ path: 'device.imei', message: 'Required' }]), 400, 'invalid_request'],
    [new ProviderError({ provider: 'bigfix', failure: 'refused', providerCode: 'x', shopperMessage: 'No' }), 422, 'provider_declined'],
    [new ProviderError({ provider: 'bigfix', failure: 'timeout', providerCode: 'x', shopperMessage: 'Slow' }), 504, 'provider_timeout'],
    [new ProviderError({ provider: 'bigfix', failure: 'rate_limited', providerCode: 'x', shopperMessage: 'Busy' }), 429, 'provider_busy'],
    [new ProviderError({ provider: 'bigfix', failure: 'unreachable', providerCode: 'x', shopperMessage: 'Out' }), 502, 'provider_error'],
  ];
  for (const [error, status, code] of cases)
    it(`${error.name} (${code}) → ${status}`, () => {
      const apiError = apiErrorFrom(error);
      assert.ok(apiError instanceof ApiError);
      assert.equal(apiError.status, status);
      assert.equal(apiError.code, code);
    });

  it('keeps the messages the API has always shown', () => {
    assert.equal(
      apiErrorFrom(new OrderStateConflict({ action: 'confirm', status: 'pending_activation' }))?.message,
      'This order is pending activation and cannot be confirmed again',
    );
    assert.equal(
      apiErrorFrom(new OrderStateConflict({ action: 'activate', status: 'pending_activation', busy: true }))?.headers?.['Retry-After'],
      '5',
    );
    assert.deepEqual(apiErrorFrom(new OfferExpired())?.fields, [{ path: 'offerId', message: 'Expired' }]);
  });

  it('leaves our own faults unmapped (they answer 500)', () => {
    assert.equal(apiErrorFrom(new IllegalTransition({ orderId: 'ord_1', from: 'failed', to: 'active' })), undefined);
    assert.equal(apiErrorFrom(new Error('boom')), undefined);
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { apiErrorFromProvider } from '../../errors.ts';
import { servifyError } from './servify-errors.ts';

const ticketNumber = 'ba1da2e1-7ae4-4a76-8ba9-11951de5e13c';

describe('Servify error codes → our failures and HTTP statuses', () => {
  const table: [errorCode: string, status: number, failure: string, ourStatus: number, kind: string][] = [
    ['CLIENT.INVALID.401', 401, 'rejected_credentials', 502, 'outage'],
    ['HMAC.INVALID.401', 401, 'rejected_credentials', 502, 'outage'],
    ['DATA.BAD_REQUEST.400', 400, 'provider_error', 502, 'refused'],
    ['PUBLIC_KEY.INVALID.401', 401, 'rejected_credentials', 502, 'outage'],
    ['DECRYPTION.ERROR.401', 401, 'rejected_credentials', 502, 'outage'],
    ['IP.INVALID.401', 401, 'rejected_credentials', 502, 'outage'],
    ['API.INVALID.401', 401, 'rejected_credentials', 502, 'outage'],
    ['TOK.EXP.001', 401, 'rejected_credentials', 502, 'outage'],
    ['API.LIMIT.429', 429, 'rate_limited', 429, 'outage'],
    ['SM.WTR.500', 500, 'provider_error', 502, 'outage'],
    ['SM.WTR.001', 500, 'provider_error', 502, 'refused'],
  ];
  for (const [errorCode, status, failure, ourStatus, kind] of table) {
    it(`${errorCode} → ${failure} (${kind}) → ${ourStatus}`, () => {
      const error = servifyError(status, {
        status,
        success: false,
        message: 'Invalid credentials for Asha Rao',
        data: {},
        errorCode,
        ticketNumber,
      });
      assert.equal(error.failure, failure);
      assert.equal(error.kind, kind, 'refused / outage / unknown, from the doc');
      assert.equal(error.providerCode, `${errorCode} (ticket ${ticketNumber})`);
      assert.ok(!error.message.includes('Asha'), 'Servify messages may echo our data: they stay out');
      assert.equal(apiErrorFromProvider(error).status, ourStatus);
    });
  }

  it('turns an eligibility refusal at createContract into a 422 with a sentence', () => {
    const error = servifyError(400, {
      status: 400,
      success: false,
      message: 'x',
      data: { EligibilityStatusCode: 'ALREADY_REGISTERED_AGAINST_POLICY' },
      errorCode: 'DATA.BAD_REQUEST.400',
      ticketNumber,
    });
    assert.equal(error.failure, 'refused');
    const apiError = apiErrorFromProvider(error);
    assert.equal(apiError.status, 422);
    assert.equal(apiError.message, 'This device is already protected under this plan.');
  });

  it('falls back on the HTTP status for a code the doc does not list', () => {
    assert.equal(servifyError(429, null).failure, 'rate_limited');
    assert.equal(servifyError(503, null).failure, 'provider_error');
    assert.equal(servifyError(503, null).kind, 'outage');
    assert.equal(servifyError(200, { status: 200, success: false, message: 'x', data: {}, errorCode: 'NEW.CODE' }).kind, 'unknown');
  });
});

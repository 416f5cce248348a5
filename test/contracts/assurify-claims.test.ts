/**
 * Assurify's claims flow, sandbox and adapter against the doc (flow 3): every check of
 * `POST /v1/claims/ocr/verify` answers its error code, `GET /v1/claims/{id}/status` reads a
 * claim, the signed `claim.decision` is applied once, a portal secret ends after its hour,
 * and providers with no claims API answer claim-options with their contact.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { activeAssurifyOrder, claimUpload, JPEG, multipart, PNG, postClaim, setScenario } from '../../server/src/claims/claims-test-kit.ts';
import { checkPortalSecret, createPortalSecret } from '../../server/src/claims/portal-sessions.ts';
import { ASSURIFY_SANDBOX_SECRET_KEY, ASSURIFY_SANDBOX_WEBHOOK_SECRET } from '../../server/src/providers/assurify/assurify-config.ts';
import { signAssurifyPayload } from '../../server/src/providers/assurify/assurify-signature.ts';
import { apiClient, asha, galaxyS23, startTestServer, TEST_IMEI, type TestServer } from '../../server/src/testing/test-server.ts';

const b64 = (bytes: Buffer) => bytes.toString('base64');

describe('Assurify claims: sandbox and adapter, as the doc describes them', () => {
  let server: TestServer;
  let order: { id: string; clientSecret: string };
  const sandbox = (path: string, init: RequestInit = {}) =>
    fetch(`${server.baseUrl}/sandbox/assurify${path}`, {
      ...init,
      headers: { Authorization: `Bearer ${ASSURIFY_SANDBOX_SECRET_KEY}`, 'Content-Type': 'application/json', ...init.headers },
    });
  const session = async (imei = TEST_IMEI) =>
    (
      await (
        await sandbox('/v1/session/device/init', {
          method: 'POST',
          body: JSON.stringify({ imei, customer: 'cust_claimstest', model: 'Samsung Galaxy S23' }),
        })
      ).json()
    ).data.session_id as string;
  const verify = async (body: Record<string, unknown>) => {
    const response = await sandbox('/v1/claims/ocr/verify', { method: 'POST', body: JSON.stringify(body) });
    return { status: response.status, json: await response.json() };
  };

  before(async () => {
    server = await startTestServer({ ASSURIFY_SANDBOX_CLAIM_DECISION_DELAY_MS: '200' });
    order = await activeAssurifyOrder(server, 'claims-contract');
  });
  after(() => server.close());

  it('answers every refusal of /v1/claims/ocr/verify with its code', async () => {
    const token = await session();
    const good = {
      session_token: token,
      claim_ref: 'clm_CONTRACT01',
      claim_type: 'accidental_damage',
      mode: 'AUTO',
      images: { invoice: b64(JPEG), front_panel: b64(PNG) },
    };
    const cases: [Record<string, unknown>, number, string][] = [
      [{ ...good, session_token: 'sess_nope' }, 404, 'session_not_found'],
      [{ ...good, claim_ref: 'TY29183K' }, 400, 'invalid_claim_ref'],
      [{ ...good, claim_type: 'meteor' }, 400, 'invalid_claim_type'],
      [{ ...good, mode: 'FAST' }, 400, 'invalid_mode'],
      [{ ...good, images: { invoice: b64(JPEG) } }, 400, 'missing_image'],
      [{ ...good, images: { invoice: '***', front_panel: b64(PNG) } }, 400, 'invalid_base64'],
      [{ ...good, images: { invoice: b64(Buffer.from('%PDF-1.7 invoice')), front_panel: b64(PNG) } }, 415, 'unsupported_image_type'],
      [{ ...good, claim_type: 'breakdown' }, 422, 'claim_type_not_covered'],
      [{ ...good, session_token: await session('356938035643809') }, 422, 'device_not_covered'],
    ];
    for (const [body, status, code] of cases) {
      const answer = await verify(body);
      assert.equal(answer.status, status, `${code}: ${JSON.stringify(answer.json)}`);
      assert.equal(answer.json.error.code, code);
    }
    const tooLarge = await verify({
      ...good,
      images: { invoice: b64(Buffer.concat([JPEG, Buffer.alloc(10 * 1024 * 1024)])), front_panel: b64(PNG) },
    });
    assert.equal(tooLarge.json.error.code, 'image_too_large');
    const accepted = await verify(good);
    assert.equal(accepted.status, 200, JSON.stringify(accepted.json));
    assert.equal(accepted.json.data.decision, 'APPROVED');
    assert.match(accepted.json.data.payout_id, /^pay_/);
    assert.equal((await verify(good)).json.error.code, 'duplicate_claim_ref');
    const status = await (await sandbox('/v1/claims/clm_CONTRACT01/status')).json();
    assert.equal(status.data.claim_ref, 'clm_CONTRACT01');
    assert.equal((await sandbox('/v1/claims/clm_UNKNOWN1/status')).status, 404);
    const unauthorised = await fetch(`${server.baseUrl}/sandbox/assurify/v1/claims/ocr/verify`, { method: 'POST', body: '{}' });
    assert.equal((await unauthorised.json()).error.code, 'missing_api_key');
    await setScenario(server, 'cover_ended');
    assert.equal(
      (await verify({ ...good, claim_ref: 'clm_CONTRACT02', session_token: await session() })).json.error.code,
      'policy_expired',
    );
    await setScenario(server, 'approved');
  });

  it('applies a signed claim.decision once, and only to a claim still waiting', async () => {
    await setScenario(server, 'pending_then_rejected');
    const created = await postClaim(server, order.id, multipart(claimUpload()));
    assert.equal(created.json.claim.status, 'in_review', created.text);
    await setScenario(server, 'approved');
    const claimId = created.json.claim.id;
    const body = JSON.stringify({
      id: 'evt_claim_once',
      type: 'claim.decision',
      created: 1,
      data: {
        claim_ref: claimId,
        decision: 'APPROVED',
        ocr_confidence: 0.9,
        risk_flags: [],
        extracted: { amount: 5000 },
        payout_id: 'pay_ONCE0001',
      },
    });
    const send = () =>
      fetch(`${server.baseUrl}/v1/webhooks/assurify`, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          'X-Assurify-Signature': signAssurifyPayload(ASSURIFY_SANDBOX_WEBHOOK_SECRET, Math.floor(Date.now() / 1000), body),
        },
        body,
      }).then((response) => response.json());
    assert.deepEqual(await send(), { received: true });
    assert.deepEqual(await send(), { received: true, duplicate: true });
    const merchant = apiClient(server, 'sk_test_demo');
    const read = await merchant('GET', `/v1/claims/${claimId}`);
    assert.equal(read.json.claim.status, 'approved');
    assert.deepEqual(read.json.claim.decision.payout, { amount: 5000, currency: 'INR', reference: 'pay_ONCE0001' });
    // The sandbox's own (rejecting) decision arrives later and finds the claim decided.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const later = await merchant('GET', `/v1/claims/${claimId}`);
    assert.equal(later.json.claim.status, 'approved');
    assert.equal(later.json.claim.timeline.length, 3);
  });

  it('ends a portal session after its hour', () => {
    const merchant = {
      id: 'default',
      name: 'Demo shop',
      publishableKey: 'pk_test_demo',
      secretKey: 'sk_test_demo',
      allowedOrigins: [],
      providers: ['assurify'],
    };
    const { clientSecret } = createPortalSecret(merchant, 'ord_portal', Date.now());
    assert.equal(checkPortalSecret(merchant, 'ord_portal', clientSecret), 'valid');
    assert.equal(checkPortalSecret(merchant, 'ord_portal', clientSecret, Date.now() + 61 * 60_000), 'expired');
    assert.equal(checkPortalSecret(merchant, 'ord_other', clientSecret), 'invalid');
    assert.equal(checkPortalSecret({ ...merchant, secretKey: 'sk_test_rolled' }, 'ord_portal', clientSecret), 'invalid');
  });

  it('answers claim-options with how to claim where the insurer has no claims API (BigFix)', async () => {
    const browser = apiClient(server);
    const quote = await browser('POST', '/v1/quotes', { device: { ...galaxyS23, imei: TEST_IMEI }, country: 'IN' });
    const offer = quote.json.offers.find((candidate: { provider: string }) => candidate.provider === 'bigfix');
    const created = await browser(
      'POST',
      '/v1/orders',
      { offerId: offer.offerId, device: { imei: TEST_IMEI, brandWarrantyYears: 1 }, customer: asha },
      { 'Idempotency-Key': 'bigfix-claims' },
    );
    assert.equal(created.status, 201, created.text);
    const id = created.json.order.id;
    const options = await apiClient(server, 'sk_test_demo')('GET', `/v1/orders/${id}/claim-options`);
    assert.equal(options.status, 200, options.text);
    assert.deepEqual(options.json.types, []);
    assert.match(options.json.contact.phone, /^\+91/);
    const claim = await postClaim(server, id, multipart(claimUpload()));
    assert.equal(claim.status, 409);
    assert.equal(claim.json.error.code, 'claims_not_supported');
    assert.match(claim.json.error.message, /\+91/);
  });
});

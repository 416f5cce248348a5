import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  activeAssurifyOrder,
  claimPart,
  claimUpload,
  JPEG,
  multipart,
  PNG,
  postClaim,
  setScenario,
  until,
} from '../claims/claims-test-kit.ts';
import { apiClient, startTestServer, type TestServer } from '../testing/test-server.ts';

describe('/v1 claims on an Assurify policy', () => {
  let server: TestServer;
  let order: { id: string; clientSecret: string };
  const merchant = () => apiClient(server, 'sk_test_demo');
  before(async () => {
    server = await startTestServer({ ASSURIFY_SANDBOX_CLAIM_DECISION_DELAY_MS: '300' });
    order = await activeAssurifyOrder(server, 'claims-routes');
  });
  after(() => server.close());

  it('answers claim-options: the damage types, the fields and images a claim needs', async () => {
    const options = await apiClient(server)('GET', `/v1/orders/${order.id}/claim-options`, undefined, {
      'X-Client-Secret': order.clientSecret,
    });
    assert.equal(options.status, 200, options.text);
    assert.deepEqual(options.json, {
      types: ['accidental_damage', 'liquid_damage', 'screen_damage'],
      issues: [],
      slots: [],
      requires: ['incident.date', 'incident.description', 'files.invoice', 'files.photo'],
      contact: null,
    });
  });

  it('takes a claim approved at once with its payout, and lists and reads it', async () => {
    await setScenario(server, 'approved');
    const created = await postClaim(server, order.id, multipart(claimUpload()), { key: 'pk_test_demo', clientSecret: order.clientSecret });
    assert.equal(created.status, 201, created.text);
    const claim = created.json.claim;
    assert.match(claim.id, /^clm_[A-Z0-9]+$/);
    assert.equal(claim.status, 'approved');
    assert.equal(claim.reference, claim.id);
    assert.equal(claim.decision.outcome, 'approved');
    assert.deepEqual(claim.decision.payout.currency, 'INR');
    assert.match(claim.decision.payout.reference, /^pay_/);
    assert.deepEqual(
      claim.timeline.map((step: { status: string }) => step.status),
      ['submitted', 'approved'],
    );
    const listed = await merchant()('GET', `/v1/orders/${order.id}/claims`);
    assert.equal(listed.json.data[0].id, claim.id);
    assert.equal(listed.json.hasMore, false);
    const read = await merchant()('GET', `/v1/claims/${claim.id}`);
    assert.equal(read.json.claim.status, 'approved');
    // The decision event that follows finds the claim decided: nothing changes.
    await new Promise((resolve) => setTimeout(resolve, 400));
    const again = await merchant()('GET', `/v1/claims/${claim.id}`);
    assert.equal(again.json.claim.timeline.length, 2);
  });

  it('rejects with reasons a shopper reads', async () => {
    await setScenario(server, 'rejected');
    const created = await postClaim(server, order.id, multipart(claimUpload()));
    assert.equal(created.json.claim.status, 'rejected', created.text);
    assert.equal(created.json.claim.decision.payout, null);
    assert.ok(created.json.claim.decision.reasons.some((reason: string) => /vendor/.test(reason)));
  });

  it('keeps a pending claim in review until the claim.decision event decides it', async () => {
    await setScenario(server, 'pending_then_approved');
    const created = await postClaim(server, order.id, multipart(claimUpload()));
    assert.equal(created.json.claim.status, 'in_review', created.text);
    const decided = await until(
      () => merchant()('GET', `/v1/claims/${created.json.claim.id}`),
      (read) => read.json.claim.status !== 'in_review',
    );
    assert.equal(decided.json.claim.status, 'approved', decided.text);
    assert.deepEqual(
      decided.json.claim.timeline.map((step: { status: string }) => step.status),
      ['submitted', 'in_review', 'approved'],
    );
  });

  it('answers 409 cover_ended where the insurer says the cover is over, and keeps no claim', async () => {
    await setScenario(server, 'cover_ended');
    const before = (await merchant()('GET', `/v1/orders/${order.id}/claims`)).json.data.length;
    const created = await postClaim(server, order.id, multipart(claimUpload()));
    assert.equal(created.status, 409, created.text);
    assert.equal(created.json.error.code, 'cover_ended');
    assert.equal((await merchant()('GET', `/v1/orders/${order.id}/claims`)).json.data.length, before);
    await setScenario(server, 'approved');
  });

  it('names the field that is wrong', async () => {
    const missingPhoto = await postClaim(server, order.id, multipart(claimUpload().slice(0, 2)));
    assert.equal(missingPhoto.status, 400);
    assert.deepEqual(missingPhoto.json.error.fields, [{ path: 'files.photo', message: 'Attach this image' }]);
    const badDate = await postClaim(
      server,
      order.id,
      multipart(claimUpload({ ...claimPart, incident: { date: '28/11/2026', description: 'x' } })),
    );
    assert.deepEqual(
      badDate.json.error.fields.map((field: { path: string }) => field.path),
      ['incident.date', 'incident.description'],
    );
    const notCovered = await postClaim(server, order.id, multipart(claimUpload({ ...claimPart, type: 'theft' })));
    assert.equal(notCovered.json.error.fields[0].path, 'type');
    const text = await postClaim(server, order.id, multipart(claimUpload(claimPart, Buffer.from('%PDF-1.7 not an image'))));
    assert.equal(text.status, 415);
    assert.equal(text.json.error.code, 'unsupported_file_type');
    assert.equal(text.json.error.fields[0].path, 'files.invoice');
    const noClaim = await postClaim(server, order.id, multipart([{ name: 'invoice', content: JPEG, filename: 'a.jpg' }]));
    assert.equal(noClaim.json.error.fields[0].path, 'claim');
  });

  it('refuses an image over 10 MB naming it, without reading the rest', async () => {
    const big = Buffer.concat([PNG, Buffer.alloc(10 * 1024 * 1024, 1)]);
    const created = await postClaim(server, order.id, multipart(claimUpload(claimPart, JPEG, big)));
    assert.equal(created.status, 413, created.text);
    assert.equal(created.json.error.code, 'file_too_large');
    assert.equal(created.json.error.fields[0].path, 'files.photo');
  });

  it('answers a repeated Idempotency-Key with the first claim, and a changed body with 422', async () => {
    const body = multipart(claimUpload());
    const first = await postClaim(server, order.id, body, { idempotencyKey: 'same-claim' });
    const second = await postClaim(server, order.id, body, { idempotencyKey: 'same-claim' });
    assert.equal(second.status, 201);
    assert.equal(second.json.claim.id, first.json.claim.id);
    const changed = await postClaim(server, order.id, multipart(claimUpload(claimPart, PNG, PNG)), { idempotencyKey: 'same-claim' });
    assert.equal(changed.status, 422);
    assert.equal(changed.json.error.code, 'idempotency_key_reused');
  });

  it('hides claims from a wrong client secret, and takes a portal session for an hour', async () => {
    const claimId = (await merchant()('GET', `/v1/orders/${order.id}/claims`)).json.data[0].id;
    const stranger = await apiClient(server)('GET', `/v1/claims/${claimId}`, undefined, { 'X-Client-Secret': 'ord_x_secret_wrong' });
    assert.equal(stranger.status, 404);
    const refused = await apiClient(server)('POST', `/v1/orders/${order.id}/portal-sessions`);
    assert.equal(refused.status, 403);
    const session = await merchant()('POST', `/v1/orders/${order.id}/portal-sessions`);
    assert.equal(session.status, 201, session.text);
    const { clientSecret, expiresAt } = session.json.portalSession;
    assert.ok(Math.abs(Date.parse(expiresAt) - Date.now() - 3600_000) < 5000);
    const read = await apiClient(server)('GET', `/v1/claims/${claimId}`, undefined, { 'X-Client-Secret': clientSecret });
    assert.equal(read.status, 200, read.text);
    const orderRead = await apiClient(server)('GET', `/v1/orders/${order.id}`, undefined, { 'X-Client-Secret': clientSecret });
    assert.equal(orderRead.status, 200);
    const forged = clientSecret.replace(/_(\d+)_/, (_: string, time: string) => `_${Number(time) + 3600}_`);
    assert.equal((await apiClient(server)('GET', `/v1/orders/${order.id}`, undefined, { 'X-Client-Secret': forged })).status, 404);
  });

  it('refuses withdrawal where Assurify has no withdraw call', async () => {
    const claimId = (await merchant()('GET', `/v1/orders/${order.id}/claims`)).json.data[0].id;
    const withdrawn = await merchant()('POST', `/v1/claims/${claimId}/withdraw`, {});
    assert.equal(withdrawn.status, 409);
    assert.equal(withdrawn.json.error.code, 'withdrawal_not_supported');
  });
});

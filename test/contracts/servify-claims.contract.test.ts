/**
 * A Servify claim through /v1, against the Servify sandbox mounted in the server: claim
 * options from getIssueList and the slot calendars, the slot booked, the status moving on
 * with Servify (a step a second here: long enough for a withdrawal right after the claim,
 * even on a busy machine), refusals a shopper can act on, and withdrawal.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { passesLuhn } from '../../contract/schemas.ts';
import { multipart, postClaim, until } from '../../server/src/claims/claims-test-kit.ts';
import { apiClient, asha, galaxyS23, startTestServer, type TestServer } from '../../server/src/testing/test-server.ts';

let imeiCounter = 10;
/** A fresh Luhn-valid IMEI per order (/v1 checks Luhn). */
function nextImei(): string {
  const body = `3569380356${String(imeiCounter++).padStart(4, '0')}`;
  const check = [...Array(10).keys()].find((digit) => passesLuhn(`${body}${digit}`))!;
  return `${body}${check}`;
}
const today = () => new Date(Date.now() + 330 * 60_000).toISOString().slice(0, 10);

describe('Servify claims through /v1 against its sandbox', () => {
  let server: TestServer;
  let browser: ReturnType<typeof apiClient>;
  let merchant: ReturnType<typeof apiClient>;

  before(async () => {
    server = await startTestServer({ SERVIFY_SANDBOX_CLAIM_STEP_MS: '1000' });
    browser = apiClient(server, 'pk_test_demo');
    merchant = apiClient(server, 'sk_test_demo');
  });
  after(() => server.close());

  async function scenario(claims: string) {
    const response = await fetch(`${server.baseUrl}/sandbox/servify/_scenarios`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ claims }),
    });
    assert.equal(response.status, 200, await response.text());
  }

  async function activeOrder(): Promise<string> {
    const imei = nextImei();
    const quote = await browser('POST', '/v1/quotes', { device: { ...galaxyS23, imei }, country: 'IN' });
    const offer = quote.json.offers.find(
      (candidate: { provider: string; type: string }) => candidate.provider === 'servify' && candidate.type === 'ADLD',
    );
    assert.ok(offer, quote.text);
    const created = await browser(
      'POST',
      '/v1/orders',
      { offerId: offer.offerId, device: { imei }, customer: asha },
      { 'Idempotency-Key': `create-${imei}` },
    );
    assert.equal(created.status, 201, created.text);
    const confirmed = await merchant(
      'POST',
      `/v1/orders/${created.json.order.id}/confirm`,
      { paymentReference: `pay-${imei}` },
      { 'Idempotency-Key': `confirm-${imei}` },
    );
    assert.equal(confirmed.json.order.status, 'active', confirmed.text);
    return created.json.order.id;
  }

  async function options(orderId: string) {
    const answer = await merchant('GET', `/v1/orders/${orderId}/claim-options`);
    assert.equal(answer.status, 200, answer.text);
    return answer.json;
  }

  async function claim(orderId: string, slotIndex = 0, description = 'The power button no longer works') {
    const { slots, issues } = await options(orderId);
    const slot = slots[slotIndex];
    const part = {
      type: 'accidental_damage',
      incident: { date: today(), description },
      issue: issues[0].code,
      appointment: { code: slot.code, date: slot.date, from: slot.from, to: slot.to },
      address: asha.address,
    };
    return { slot, answer: await postClaim(server, orderId, multipart([{ name: 'claim', content: JSON.stringify(part) }])) };
  }

  const read = async (claimId: string) => (await merchant('GET', `/v1/claims/${claimId}`)).json.claim;

  it("lists Servify's issues and open slots, and what a claim needs", async () => {
    const answer = await options(await activeOrder());
    assert.deepEqual(answer.types, ['accidental_damage', 'liquid_damage', 'screen_damage']);
    assert.deepEqual(answer.issues[0], { code: '0E74248AA1', category: 'Mechanical breakdown', label: 'Button Problem' });
    assert.ok(
      answer.slots.length > 0 &&
        answer.slots.every(
          (slot: { kind: string; from: string }) => ['carry_in', 'pickup'].includes(slot.kind) && /^\d{2}:\d{2}$/.test(slot.from),
        ),
    );
    assert.deepEqual(answer.requires, ['incident.date', 'incident.description', 'issue', 'appointment', 'address']);
    assert.equal(answer.contact, null);
  });

  it('books the slot (scheduled), then follows Servify to in_repair and closed; the slot is no longer offered', async () => {
    const orderId = await activeOrder();
    const { slot, answer } = await claim(orderId);
    assert.equal(answer.status, 201, answer.text);
    assert.equal(answer.json.claim.status, 'scheduled');
    assert.equal(answer.json.claim.provider, 'servify');
    assert.match(answer.json.claim.reference, /^[A-Z0-9]{12}$/);
    assert.deepEqual(answer.json.claim.appointment, { code: slot.code, date: slot.date, from: slot.from, to: slot.to });
    assert.ok(!(await options(orderId)).slots.some((open: { code: string }) => open.code === slot.code), 'the slot is taken');
    const closed = await until(
      () => read(answer.json.claim.id),
      (current) => current.status === 'closed',
      15_000,
    );
    assert.equal(closed.status, 'closed');
    assert.deepEqual(
      closed.timeline.map((step: { status: string }) => step.status),
      ['submitted', 'scheduled', 'in_repair', 'closed'],
    );
    assert.deepEqual(closed.decision, { outcome: 'approved', reasons: [], payout: null });
  });

  it('answers 409 slot_unavailable for a slot taken meanwhile, 409 cover_ended after the cover, and keeps no claim', async () => {
    const orderId = await activeOrder();
    try {
      await scenario('slot_taken');
      const taken = await claim(orderId);
      assert.equal(taken.answer.status, 409, taken.answer.text);
      assert.equal(taken.answer.json.error.code, 'slot_unavailable');
      await scenario('cover_ended');
      const ended = await claim(orderId);
      assert.equal(ended.answer.status, 409, ended.answer.text);
      assert.equal(ended.answer.json.error.code, 'cover_ended');
    } finally {
      await scenario('approved');
    }
    assert.deepEqual((await merchant('GET', `/v1/orders/${orderId}/claims`)).json.data, []);
  });

  it('ends rejected with reasons, or closed with the payout, as the salesperson chose', async () => {
    const orderId = await activeOrder();
    let rejectedId: string;
    let paidId: string;
    try {
      await scenario('rejected');
      rejectedId = (await claim(orderId, 1)).answer.json.claim.id;
      await scenario('payout');
      paidId = (await claim(await activeOrder(), 2)).answer.json.claim.id;
    } finally {
      await scenario('approved');
    }
    const rejected = await until(
      () => read(rejectedId),
      (current) => current.status === 'rejected',
      15_000,
    );
    assert.equal(rejected.decision.outcome, 'rejected');
    assert.ok(rejected.decision.reasons.length > 0);
    const paid = await until(
      () => read(paidId),
      (current) => current.status === 'closed',
      15_000,
    );
    assert.deepEqual(paid.decision.payout, { amount: galaxyS23.price, currency: 'INR', reference: paid.reference });
  });

  it('withdraws a scheduled claim, and answers 409 claim_not_withdrawable once Servify started the repair', async () => {
    const orderId = await activeOrder();
    const early = (await claim(orderId, 3)).answer.json.claim;
    const withdrawn = await merchant('POST', `/v1/claims/${early.id}/withdraw`, { reason: 'Found a repair shop nearby' });
    assert.equal(withdrawn.status, 200, withdrawn.text);
    assert.equal(withdrawn.json.claim.status, 'withdrawn');
    assert.equal((await read(early.id)).status, 'withdrawn');
    const late = (await claim(orderId, 4)).answer.json.claim;
    // Servify moves on (approved, then the repair) while nobody reads the claim.
    await new Promise((resolve) => setTimeout(resolve, 2600));
    const refused = await merchant('POST', `/v1/claims/${late.id}/withdraw`, {});
    assert.equal(refused.status, 409, refused.text);
    assert.equal(refused.json.error.code, 'claim_not_withdrawable');
  });
});

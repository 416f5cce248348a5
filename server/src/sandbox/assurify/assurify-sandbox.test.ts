import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createAssurifySandbox } from './assurify-sandbox.ts';

const key = 'sk_sandbox_test_key';
const sandbox = (requestsPerMinute = 500) =>
  createAssurifySandbox({ secretKey: key, webhook: { url: 'http://127.0.0.1:1/none', secret: 'whsec_unused_secret' }, requestsPerMinute });
const init = (app: ReturnType<typeof sandbox>, body: unknown, bearer = key) =>
  app.request('/v1/session/device/init', {
    method: 'POST',
    headers: { Authorization: `Bearer ${bearer}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });

describe('Assurify sandbox', () => {
  it('checks keys: none, wrong, and live keys are refused', async () => {
    const app = sandbox();
    assert.equal((await app.request('/v1/plans/eligible?session_id=x')).status, 401);
    assert.equal((await init(app, {}, 'sk_sandbox_wrong')).status, 401);
    const live = await init(app, {}, 'sk_live_abcdef');
    assert.equal((await live.json()).error.code, 'live_key_in_sandbox');
  });

  it('checks the IMEI with the Luhn checksum and the customer id prefix', async () => {
    const app = sandbox();
    assert.equal((await (await init(app, { imei: '490154203237519', customer: 'cust_abcd' })).json()).error.code, 'invalid_imei');
    assert.equal((await (await init(app, { imei: '490154203237518', customer: 'abcd' })).json()).error.code, 'invalid_customer');
    const ok = await (await init(app, { imei: '490154203237518', customer: 'cust_abcd', model: 'Samsung Galaxy S23' })).json();
    assert.match(ok.data.session_id, /^sess_/);
  });

  it('prices plans by model: a dearer phone costs more to cover', async () => {
    const app = sandbox();
    const plansFor = async (model: string) => {
      const session = await (await init(app, { imei: '490154203237518', customer: 'cust_abcd', model })).json();
      const plans = await (
        await app.request(`/v1/plans/eligible?session_id=${session.data.session_id}`, { headers: { Authorization: `Bearer ${key}` } })
      ).json();
      return plans.data.plans.find((plan: { plan_id: string }) => plan.plan_id === 'adld_12m').premium_inr;
    };
    assert.ok((await plansFor('Apple iPhone 16 Pro')) > (await plansFor('Xiaomi Redmi Note 13')));
  });

  it('binds a session to the customer it was opened for: attach with another is customer_mismatch', async () => {
    const app = sandbox();
    const session = await (await init(app, { imei: '490154203237518', customer: 'cust_quote1', model: 'Samsung Galaxy S23' })).json();
    const attach = (customer: string) =>
      app.request('/v1/subscription/attach', {
        method: 'POST',
        headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ session_id: session.data.session_id, plan_id: 'adld_12m', customer }),
      });
    const other = await attach('cust_someone_else');
    assert.deepEqual([other.status, (await other.json()).error.code], [409, 'customer_mismatch']);
    const same = await attach('cust_quote1');
    assert.equal(same.status, 200);
    assert.match((await same.json()).subscription_id, /^sub_/);
  });

  it('enforces the per-key rate limit with Retry-After', async () => {
    const app = sandbox(3);
    for (let request = 0; request < 3; request++) assert.notEqual((await init(app, {})).status, 429);
    const limited = await init(app, {});
    assert.equal(limited.status, 429);
    assert.ok(Number(limited.headers.get('Retry-After')) > 0);
  });
});

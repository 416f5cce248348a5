/**
 * The operator console in headless Chromium: sign in with the operator token, see a shopper
 * who paid and got no cover at the top with what to do, mark it refunded, find orders by id
 * and policy reference. Screenshots at 375 and 1280 px.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { announceOrder } from '../../server/src/events/order-events.ts';
import { sampleClaim, sampleOrder } from '../../server/src/store/store-contract.ts';
import type { StoredOrder } from '../../server/src/store/types.ts';
import { screenshot } from './browser.ts';
import { openPage, useShop } from './shop.ts';

const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3_600_000).toISOString();
const policy = (reference: string) => ({
  reference,
  startsAt: null,
  endsAt: null,
  activationCode: null,
  certificate: false,
  providerReferences: { orderId: 'BASC1042' },
});

async function signIn(page: Page, baseUrl: string, token = 'op_test_demo') {
  await page.goto(`${baseUrl}/console`);
  await page.getByLabel('Operator token').fill(token);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

describe('operator console', () => {
  const shop = useShop();
  const seed = (id: string, overrides: Partial<StoredOrder>) => shop.server.services.store.createOrder(sampleOrder(id, overrides));

  it('refuses a wrong token and keeps no token in the URL', async () => {
    const { page, errors } = await openPage(shop.browser, 1280);
    await signIn(page, shop.server.baseUrl, 'op_test_nope');
    await page.getByRole('alert').filter({ hasText: 'not valid' }).waitFor();
    assert.ok(!page.url().includes('op_test'), page.url());
    assert.equal(await page.evaluate(() => sessionStorage.getItem('coverkit-operator-token')), null);
    assert.deepEqual(errors, []);
    await page.context().close();
  });

  it('puts a paid order that failed first, with what to do; marking it refunded takes it off the queue (1280 px)', async () => {
    await seed('ord_e2e_pending', { status: 'pending', paymentReference: 'pay_e2e_p', createdAt: hoursAgo(60), updatedAt: hoursAgo(40) });
    await seed('ord_e2e_failed', {
      status: 'failed',
      paymentReference: 'pay_e2e_f',
      failureKind: 'unknown',
      failureReason: 'BigFix did not answer in time',
      createdAt: hoursAgo(2),
      updatedAt: hoursAgo(2),
    });
    const { store, config } = shop.server.services;
    await store.createOrder(
      sampleOrder('ord_e2e_active', {
        status: 'active',
        paymentReference: 'pay_e2e_a',
        policy: policy('B261201P0010077'),
        metadata: { cartId: 'cart_e2e_55' },
      }),
      announceOrder(config.merchants, 'order.active'),
    );
    await store.createClaim(sampleClaim('clm_e2e_waiting', { orderId: 'ord_e2e_active' }));
    const { page, errors } = await openPage(shop.browser, 1280);
    await signIn(page, shop.server.baseUrl);
    const cards = page.locator('ck-order-card');
    await cards.first().waitFor();
    const first = cards.first();
    assert.match(await first.locator('h3').innerText(), /ord_e2e_failed/);
    assert.match(await first.locator('.badge.kind').innerText(), /Failed after payment/);
    assert.match(await first.locator('.todo').innerText(), /What to do: Cover may exist at bigfix: retry reconcile/);
    assert.match(await first.locator('dl').innerText(), /pay_e2e_f/);
    assert.match(await first.locator('dl').innerText(), /••••7518/);
    const text = await page.locator('ck-console').innerText();
    for (const personal of ['Asha', 'asha@example.com', '+919812345678', '490154203237518']) assert.ok(!text.includes(personal), personal);
    await page.locator('ck-provider-health li[data-provider="bigfix"]').waitFor();
    const claim = page.locator('ck-order-card', { has: page.locator('h3', { hasText: 'clm_e2e_waiting' }) });
    assert.match(await claim.locator('.badge.kind').innerText(), /Claim awaiting a decision/);
    assert.match(await claim.locator('.todo').innerText(), /has not decided claim clm_TY29183K/);
    assert.ok(!(await claim.innerText()).includes('Dropped on tiles'), 'the shopper’s description stays out');
    const event = page.locator('ck-event-list li', { hasText: 'ord_e2e_active' });
    assert.match(await event.innerText(), /order\.active/);
    await screenshot(page, 'console-attention-1280');
    await event.getByRole('button', { name: 'Re-send' }).click();
    await page.getByRole('status').filter({ hasText: 'Queued again: evt_' }).waitFor();

    await first.getByRole('button', { name: 'Mark refunded…' }).click();
    await first.getByLabel(/Refund note/).fill('Refunded by card, 1 Dec');
    await first.getByRole('button', { name: 'Mark refunded', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Marked refunded: ord_e2e_failed' }).waitFor();
    await page.locator('ck-order-card h3', { hasText: 'ord_e2e_failed' }).waitFor({ state: 'detached' });
    assert.match(await cards.first().locator('h3').innerText(), /ord_e2e_pending/);
    assert.deepEqual(errors, []);
    await page.context().close();
  });

  it('finds an order by id, policy reference and metadata value (375 px)', async () => {
    const { page, errors } = await openPage(shop.browser, 375);
    await signIn(page, shop.server.baseUrl);
    const search = page.getByRole('searchbox', { name: 'Order id, policy reference or metadata value' });
    const results = page.locator('section[aria-labelledby="search-title"] ck-order-card');
    await search.fill('ord_e2e_failed');
    await search.press('Enter');
    await results.first().waitFor();
    assert.match(await results.first().locator('dl').innerText(), /Refunded[\s\S]*Refunded by card, 1 Dec/);
    await search.fill('B261201P0010077');
    await search.press('Enter');
    await results.locator('h3', { hasText: 'ord_e2e_active' }).waitFor();
    assert.equal(await results.count(), 1);
    assert.match(await results.first().locator('dl').innerText(), /BASC1042/);
    await search.fill('cart_e2e_55');
    await search.press('Enter');
    await page.getByRole('heading', { name: 'Results for “cart_e2e_55”' }).waitFor();
    await results.locator('h3', { hasText: 'ord_e2e_active' }).waitFor();
    await screenshot(page, 'console-search-375');
    assert.deepEqual(errors, []);
    await page.context().close();
  });
});

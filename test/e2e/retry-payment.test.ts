/**
 * Issue 13, item 3: after a failed bind the shopper can pay again. The presenter turns
 * "Provider down" on for BigFix while the plan is in the cart, Pay fails with a clear
 * sentence, the presenter turns it off, and the second Pay (a new payment attempt, a new
 * Idempotency-Key at the merchant's server) binds the same order.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { screenshot } from './browser.ts';
import {
  addPlanAndGoToCart,
  asha,
  choose,
  fillPlanForm,
  gotoShop,
  offer,
  showAllOffers,
  openPage,
  waitForStatus,
  useShop,
} from './shop.ts';

describe('paying again after the insurer was down', () => {
  const shop = useShop();

  it('BigFix down at Pay: the cart says to press Pay again, and after recovery the second Pay binds the plan (1280 px)', async () => {
    const { page, errors } = await openPage(shop.browser, 1280);
    await gotoShop(page, `${shop.server.baseUrl}/product.html?sku=galaxy-s23`);
    await showAllOffers(page);
    const adld = offer(page, 'Accidental & Liquid Damage Protection, 1 year');
    await adld.first().waitFor();
    await adld.first().click();
    await fillPlanForm(page, asha);
    await addPlanAndGoToCart(page, /Accidental & Liquid Damage Protection/);
    const orderId = await page.evaluate(
      () => (JSON.parse(sessionStorage.getItem('coverkit-demo-cart') ?? '{}') as { plan?: { orderId: string } }).plan?.orderId,
    );
    assert.ok(orderId);

    await choose(page, 'ck-scenario', 'down');
    await choose(page, 'ck-target', 'bigfix');
    await page.locator('#ck-status', { hasText: 'bigfix answers 503' }).waitFor();
    await page.locator('#ck-toggle').click();
    await page.locator('#pay').click();
    const status = page.locator('#checkout-status.error');
    await status.waitFor();
    assert.match((await status.textContent()) ?? '', /cannot be bought right now.*Nothing was charged: press Pay to try again/);
    await screenshot(page, 'retry-payment-failed-1280');
    const failed = await fetch(`${shop.server.baseUrl}/v1/orders/${orderId}`, { headers: { Authorization: 'Bearer sk_test_demo' } });
    assert.equal(((await failed.json()) as { order: { status: string } }).order.status, 'failed');

    await choose(page, 'ck-scenario', 'none');
    await page.locator('#ck-status', { hasText: 'Scenario off' }).waitFor();
    await page.locator('#ck-toggle').click();
    await page.locator('#pay').click();
    await page.waitForURL(/\/order\.html\?id=ord_/);
    assert.equal(new URL(page.url()).searchParams.get('id'), orderId);
    await waitForStatus(page, 'active');
    await screenshot(page, 'retry-payment-bound-1280');
    assert.deepEqual(errors, []);
    await page.context().close();
  });
});

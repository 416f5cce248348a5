import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { screenshot } from './browser.ts';
import {
  addPlanAndGoToCart,
  asha,
  fillPlanForm,
  gotoShop,
  offer,
  showAllOffers,
  openPage,
  payAndOpenOrder,
  waitForStatus,
  useShop,
} from './shop.ts';

describe('a shopper buys a BigFix ADLD plan through the demo shop', () => {
  const shop = useShop();

  for (const width of [1280, 375]) {
    it(`goes from the listing to the product, picks a plan, pays, and sees the policy on the order page (${width} px)`, async () => {
      const { page, errors } = await openPage(shop.browser, width);
      await gotoShop(page, `${shop.server.baseUrl}/`);
      assert.equal(await page.locator('#product-grid .card').count(), 6);
      await screenshot(page, `listing-${width}`);
      await page.getByRole('link', { name: 'Samsung Galaxy S23 5G' }).click();
      await page.locator('body[data-page="product"][data-ready="true"]').waitFor();

      await showAllOffers(page);
      const adld = offer(page, 'Accidental & Liquid Damage Protection, 1 year');
      await adld.waitFor();
      await screenshot(page, `bigfix-offers-${width}`);
      await adld.click();
      await fillPlanForm(page, asha);
      await screenshot(page, `bigfix-form-${width}`);
      await addPlanAndGoToCart(page, /Accidental & Liquid Damage Protection/);
      assert.match((await page.locator('#cart-lines .device-line').textContent()) ?? '', /Samsung Galaxy S23 5G/);
      await screenshot(page, `bigfix-cart-${width}`);

      const orderId = await payAndOpenOrder(page);
      await waitForStatus(page, 'active');
      const policyId = (await page.locator('#policy-reference').textContent())?.trim() ?? '';
      assert.match(policyId, /^B\d{6}P\d{3}\d{4}$/);
      assert.equal((await page.locator('#order-id').textContent())?.trim(), orderId);
      // What was paid and for which device, and what to do next (claims go through the shop).
      assert.match((await page.locator('#policy-price').textContent()) ?? '', /^₹[\d,]+(\.\d{2})? for the plan$/);
      assert.equal((await page.locator('#order-device').textContent())?.trim(), 'Samsung Galaxy S23 5G (₹74,999)');
      assert.match((await page.locator('#next-step').textContent()) ?? '', /You are covered\. To claim, contact Volt Electronics/);
      // The cart is emptied after payment; only the order id and clientSecret stay in storage.
      assert.equal(await page.locator('#cart-count').textContent(), '0');
      const stored = await page.evaluate(() => Object.entries(sessionStorage));
      assert.deepEqual(
        stored.map(([key]) => key),
        ['coverkit-demo-orders'],
      );
      assert.doesNotMatch(JSON.stringify(stored), /Asha|example\.com|\+91|Bengaluru|490154203237518/);
      await screenshot(page, `bigfix-order-${width}`);
      assert.deepEqual(errors, []);
      await page.context().close();
    });
  }
});

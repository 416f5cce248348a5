/**
 * Issue 18's shopper: a laptop plan asks for the laptop's serial (never a phone's IMEI, and
 * not the warranty the shop already states), and a mobile number typed as Indians write it
 * (10 digits, no +91) is accepted and reaches the insurer in international format.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { screenshot } from './browser.ts';
import { addPlanAndGoToCart, asha, fillPlanForm, gotoShop, offer, openPage, payAndOpenOrder, showAllOffers, useShop } from './shop.ts';

/**
 * Records the body of the widget's `POST /v1/orders` (ky sends a Request whose body the
 * browser's request events do not expose), read with `sentOrder`.
 */
async function recordOrderRequests(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const original = window.fetch.bind(window);
    window.fetch = async (input, init) => {
      const request = new Request(input, init);
      // Kept in the tab's storage: the shop moves on to the cart page right after.
      if (request.method === 'POST' && new URL(request.url).pathname === '/v1/orders')
        sessionStorage.setItem('e2e-sent-order', await request.clone().text());
      return original(request);
    };
  });
}

async function sentOrder(page: Page): Promise<{ device: Record<string, unknown>; customer: Record<string, unknown> }> {
  return JSON.parse((await page.evaluate(() => sessionStorage.getItem('e2e-sent-order'))) ?? 'null');
}

const settled = '#policy-status[data-status="active"], #policy-status[data-status="pending"]';

describe('a shopper buys a laptop plan with its serial, and a phone plan with a national mobile number', () => {
  const shop = useShop();

  it('Dell XPS 13: the plan asks for the serial number, not an IMEI or the warranty, and binds (375 px)', async () => {
    const { page, errors } = await openPage(shop.browser, 375);
    await recordOrderRequests(page);
    await gotoShop(page, `${shop.server.baseUrl}/product.html?sku=dell-xps-13`);
    assert.equal(await page.locator('cover-offers').getAttribute('imei'), null);
    assert.equal(await page.locator('cover-offers').getAttribute('brand-warranty-years'), '1');
    await showAllOffers(page);
    // Assurify identifies devices by IMEI: it offers nothing for a laptop.
    assert.equal(await offer(page, 'Assurify').count(), 0);
    const warranty = offer(page, 'Extended Warranty, 1 year');
    await warranty.click();
    const form = page.locator('cover-offers [part~="form"]');
    await form.getByLabel('Serial number').waitFor();
    assert.match((await form.textContent()) ?? '', /underneath the laptop/);
    assert.equal(await form.getByLabel('IMEI', { exact: true }).count(), 0);
    assert.equal(await form.getByLabel("Manufacturer's warranty (years)").count(), 0);
    await fillPlanForm(page, { ...asha, phone: '98123 45678' });
    await screenshot(page, 'laptop-serial-form-375');
    await addPlanAndGoToCart(page, /Extended Warranty, 1 year/);
    const body = await sentOrder(page);
    assert.equal(body.device.serial, 'DX13-5K2P9Q');
    assert.equal(body.device.imei, undefined);
    assert.equal(body.device.brandWarrantyYears, 1);
    assert.equal(body.customer.phone, '+919812345678');
    await payAndOpenOrder(page);
    await page.locator(settled).waitFor({ timeout: 15_000 });
    assert.match((await page.locator('#order-device').textContent()) ?? '', /Dell XPS 13/);
    assert.deepEqual(errors, []);
    await page.context().close();
  });

  it('Galaxy S23: a 10-digit mobile number without +91 buys an accidental damage plan (1280 px)', async () => {
    const { page, errors } = await openPage(shop.browser, 1280);
    await recordOrderRequests(page);
    await gotoShop(page, `${shop.server.baseUrl}/product.html?sku=galaxy-s23`);
    await showAllOffers(page);
    await offer(page, 'Accidental & Liquid Damage Protection, 1 year').click();
    await fillPlanForm(page, { ...asha, phone: '9812345678' });
    const phone = page.locator('cover-offers [part~="form"]').getByLabel('Mobile number');
    await phone.press('Tab');
    // No "use international format": the number is read as an Indian one.
    assert.equal(await phone.getAttribute('aria-invalid'), 'false');
    await addPlanAndGoToCart(page, /Accidental & Liquid Damage Protection, 1 year/);
    assert.equal((await sentOrder(page)).customer.phone, '+919812345678');
    await payAndOpenOrder(page);
    await page.locator(settled).waitFor({ timeout: 15_000 });
    assert.deepEqual(errors, []);
    await page.context().close();
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TEST_IMEI } from '../../server/src/testing/test-server.ts';
import { screenshot } from './browser.ts';
import {
  addPlanAndGoToCart,
  asha,
  fillPlanForm,
  folake,
  gotoShop,
  offer,
  showAllOffers,
  openPage,
  openPresenter,
  payAndOpenOrder,
  waitForStatus,
  useShop,
} from './shop.ts';

describe('a shopper buys Assurify and Octamile plans through the demo shop', () => {
  const shop = useShop({ ASSURIFY_SANDBOX_WEBHOOK_DELAY_MS: '200', OCTAMILE_SANDBOX_REVIEW_DELAY_MS: '500' });

  it('Assurify: the presenter gives the widget an IMEI, the plan binds pending and turns active on the webhook (1280 px)', async () => {
    const { page, errors } = await openPage(shop.browser, 1280);
    await gotoShop(page, `${shop.server.baseUrl}/product.html?sku=iphone-15`);
    await openPresenter(page);
    await page.locator('#ck-imei').fill(TEST_IMEI);
    await page.locator('#ck-imei').press('Tab');
    assert.equal(await page.locator('cover-offers').getAttribute('imei'), TEST_IMEI);

    const adld = offer(page, 'SmartShield Accidental & Liquid Damage');
    // The quote with the IMEI has arrived once Assurify's offer exists (perhaps folded under "Other plans").
    await adld.waitFor({ state: 'attached' });
    await showAllOffers(page);
    await adld.waitFor();
    assert.match((await page.locator('#ck-last-quote').textContent()) ?? '', /assurify: 3 offers/);
    await page.locator('#ck-toggle').click();
    await adld.click();
    await fillPlanForm(page, asha);
    await screenshot(page, 'assurify-form-1280');
    await addPlanAndGoToCart(page, /SmartShield Accidental & Liquid Damage/);
    await payAndOpenOrder(page);
    await waitForStatus(page, 'active');
    assert.match((await page.locator('#policy-provider').textContent()) ?? '', /Assurify/);
    assert.notEqual((await page.locator('#policy-reference').textContent())?.trim(), 'Being issued…');
    await screenshot(page, 'assurify-order-1280');
    assert.deepEqual(errors, []);
    await page.context().close();
  });

  it('Octamile: the naira phone, a paid plan waiting for its video, the upload, then active with a certificate (375 px)', async () => {
    const { page, errors } = await openPage(shop.browser, 375);
    await gotoShop(page, `${shop.server.baseUrl}/`);
    await page.getByRole('link', { name: 'Tecno Camon 30' }).click();
    await page.locator('body[data-page="product"][data-ready="true"]').waitFor();
    assert.match((await page.locator('#product-price').textContent()) ?? '', /₦4,85,000|₦485,000/);
    assert.equal(await page.locator('cover-offers').getAttribute('currency'), 'NGN');
    assert.equal(await page.locator('cover-offers').getAttribute('country'), 'NG');

    await showAllOffers(page);
    const yearly = offer(page, 'Device Warranty — Comprehensive cover, 1 year');
    await yearly.waitFor();
    await screenshot(page, 'octamile-offers-375');
    await yearly.click();
    await fillPlanForm(page, folake());
    await addPlanAndGoToCart(page, /Comprehensive cover, 1 year/);
    await payAndOpenOrder(page);
    await waitForStatus(page, 'pending_activation');
    assert.match((await page.locator('#activation-code').textContent()) ?? '', /^[A-Z0-9]{8}$/);
    assert.match((await page.locator('#next-step').textContent()) ?? '', /Record a short video of your phone showing the activation code/);
    await screenshot(page, 'octamile-activation-375');

    // A few bytes typed video/mp4 are enough: the server checks the type, Octamile the base64.
    await page
      .locator('#activation-video')
      .setInputFiles({ name: 'check.mp4', mimeType: 'video/mp4', buffer: Buffer.from('\u0000\u0000\u0000\u0018ftypmp42 demo video') });
    await page.locator('#activation-submit').click();
    await waitForStatus(page, 'active');
    await page.locator('#certificate-image').waitFor();
    assert.equal(
      await page.locator('#certificate-image').evaluate((image: HTMLImageElement) => image.complete && image.naturalWidth > 0),
      true,
    );
    assert.match((await page.locator('#certificate-download').getAttribute('download')) ?? '', /^certificate-ord_.+\.png$/);
    await screenshot(page, 'octamile-active-375');
    assert.deepEqual(errors, []);
    await page.context().close();
  });
});

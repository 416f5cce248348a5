import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { screenshot } from './browser.ts';
import { choose, gotoShop, offer, openPage, openPresenter, useShop } from './shop.ts';

describe('the presenter panel switches locale, currency display, theme, layout and providers', () => {
  const shop = useShop();

  for (const width of [1280, 375]) {
    it(`sets the widget's attributes and custom properties, dresses the shop, and remembers it all after a reload (${width} px)`, async () => {
      const { page, errors } = await openPage(shop.browser, width);
      await gotoShop(page, `${shop.server.baseUrl}/product.html?sku=galaxy-s23`);
      const widget = page.locator('cover-offers');
      await offer(page, 'BigFix').first().waitFor({ state: 'attached' });
      assert.equal(await widget.getAttribute('locale'), 'en-IN');
      assert.equal(await widget.getAttribute('providers'), null);

      await choose(page, 'ck-locale', 'hi-IN');
      await choose(page, 'ck-currency-display', 'code');
      assert.equal(await widget.getAttribute('locale'), 'hi-IN');
      assert.match((await page.locator('#product-price').textContent()) ?? '', /INR\s?74,999/);

      await choose(page, 'ck-theme', 'dark');
      assert.equal(await widget.getAttribute('theme'), 'dark');
      assert.equal(await page.evaluate(() => document.documentElement.dataset.shopTheme), 'dark');
      assert.equal(
        await widget.evaluate((element) => getComputedStyle(element).getPropertyValue('--cover-color-background').trim()),
        '#171a21',
      );
      await offer(page, 'BigFix').first().waitFor({ state: 'attached' });
      await screenshot(page, `presenter-dark-hi-${width}`);

      await choose(page, 'ck-theme', 'brand');
      await choose(page, 'ck-layout', 'compact');
      assert.equal(await widget.getAttribute('theme'), 'light');
      assert.equal(await widget.getAttribute('layout'), 'compact');
      assert.equal(
        await widget.evaluate((element) => getComputedStyle(element).getPropertyValue('--cover-color-accent').trim()),
        '#e4572e',
      );

      await page.locator('#ck-providers input[value="octamile"]').uncheck();
      await page.locator('#ck-plan-types input[value="EW"]').uncheck();
      assert.equal(await page.locator('cover-offers').getAttribute('providers'), 'bigfix,assurify,servify');
      assert.equal(await page.locator('cover-offers').getAttribute('plan-types'), 'ADLD,SCREEN,COMPREHENSIVE');
      await page.locator('#ck-toggle').click();
      await offer(page, 'BigFix').first().waitFor({ state: 'attached' });
      await screenshot(page, `presenter-brand-${width}`);

      await page.reload();
      await page.locator('body[data-ready="true"]').waitFor();
      await openPresenter(page);
      assert.equal(await page.locator('#ck-locale').inputValue(), 'hi-IN');
      assert.equal(await page.locator('#ck-theme').inputValue(), 'brand');
      assert.equal(await page.locator('#ck-layout').inputValue(), 'compact');
      assert.equal(await page.locator('cover-offers').getAttribute('providers'), 'bigfix,assurify,servify');

      await page.locator('#ck-reset').click();
      await page.locator('#ck-status', { hasText: 'Demo reset' }).waitFor();
      assert.equal(await page.locator('cover-offers').getAttribute('locale'), 'en-IN');
      assert.equal(await page.evaluate(() => document.documentElement.dataset.shopTheme), 'light');
      // The drawer fits the narrow screen instead of spilling off it.
      const box = await page.locator('#ck-drawer').boundingBox();
      assert.ok(box && box.x >= 0 && box.x + box.width <= width, JSON.stringify(box));
      await screenshot(page, `presenter-open-${width}`);
      assert.deepEqual(errors, []);
      await page.context().close();
    });
  }
});

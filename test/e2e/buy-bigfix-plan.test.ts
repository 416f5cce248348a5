import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { asha, startTestServer, TEST_IMEI, type TestServer } from '../../server/src/testing/test-server.ts';
import { launchBrowser, screenshot } from './browser.ts';

describe('a shopper buys a BigFix ADLD plan through the demo shop', () => {
  let server: TestServer;
  let browser: Browser;

  before(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const width of [1280, 375]) {
    it(`picks a plan, fills the form, pays, and sees the policy id (${width} px)`, async () => {
      const page = await browser.newPage({ viewport: { width, height: 900 } });
      const pageErrors: string[] = [];
      page.on('pageerror', (error) => pageErrors.push(error.message));
      await page.goto(`${server.baseUrl}/`);

      // Playwright's CSS locators pierce open shadow roots, as a shopper's eye does.
      const adldOffer = page.locator('cover-offers [part~="offer"]', { hasText: 'Accidental & Liquid Damage Protection, 1 year' });
      await adldOffer.waitFor();
      await screenshot(page, `bigfix-offers-${width}`);
      await adldOffer.click();

      await page.getByLabel('Full name').fill(asha.name);
      await page.getByLabel('Email').fill(asha.email);
      await page.getByLabel('Mobile number').fill(asha.phone);
      await page.getByLabel('Address', { exact: true }).fill(asha.address.line1);
      await page.getByLabel('City').fill(asha.address.city);
      await page.getByLabel('State').fill(asha.address.state);
      await page.getByLabel('Postal code').fill(asha.address.postalCode);
      await page.getByLabel('IMEI', { exact: true }).fill(TEST_IMEI);
      await page.getByLabel("Manufacturer's warranty (years)").fill('1');
      // A full-page screenshot with a focused input makes Chromium scroll on the next focus change.
      await page.getByLabel("Manufacturer's warranty (years)").blur();
      await screenshot(page, `bigfix-form-${width}`);
      await page.locator('cover-offers [part~="submit-button"]').click();
      // The review step: the shopper checks the details, then confirms.
      await page.locator('cover-offers [part~="confirm-button"]').click();

      await page.locator('#checkout:not([hidden])').waitFor();
      assert.match((await page.locator('#cart-lines').textContent()) ?? '', /Accidental & Liquid Damage Protection/);
      await page.locator('#pay').click();

      const reference = page.locator('#policy-reference');
      await reference.waitFor({ state: 'visible' });
      const policyId = (await reference.textContent())?.trim() ?? '';
      assert.match(policyId, /^B\d{6}P\d{3}\d{4}$/);
      assert.equal((await page.locator('#policy-status').textContent())?.trim(), 'active');
      // The widget shows the same policy once the shop tells it payment went through.
      await page.locator('cover-offers [part~="policy-reference"]', { hasText: policyId }).waitFor();
      await screenshot(page, `bigfix-confirmed-${width}`);
      assert.deepEqual(pageErrors, []);
      await page.close();
    });
  }
});

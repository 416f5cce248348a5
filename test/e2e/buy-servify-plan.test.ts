import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { startTestServer, TEST_IMEI, type TestServer } from '../../server/src/testing/test-server.ts';
import { launchBrowser, screenshot } from './browser.ts';
import { addPlanAndGoToCart, asha, fillPlanForm, gotoShop, offer, showAllOffers, openPage, payAndOpenOrder } from './shop.ts';

describe('a shopper buys a Servify plan through the demo shop', () => {
  let server: TestServer;
  let browser: Browser;
  let servifyEnabled = false;

  before(async () => {
    server = await startTestServer();
    const health = (await (await fetch(`${server.baseUrl}/v1/health`)).json()) as { providers: Record<string, unknown> };
    servifyEnabled = 'servify' in health.providers;
    if (servifyEnabled) browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('sees Servify offers for an eligible IMEI, buys one, and sees the policy on the order page (1280 px)', async (context) => {
    // Servify arrives with its own branch; until then the default merchant does not sell it.
    if (!servifyEnabled) return context.skip('Servify is not among the default merchant providers yet');
    const { page, errors } = await openPage(browser, 1280);
    await gotoShop(page, `${server.baseUrl}/product.html?sku=oneplus-12`);
    // Any valid IMEI other than the README's triggers is ELIGIBLE_FOR_PLAN.
    assert.equal(await page.locator('cover-offers').getAttribute('imei'), TEST_IMEI);
    await showAllOffers(page);
    const servifyOffer = offer(page, 'Servify').first();
    await servifyOffer.waitFor();
    // The insurer's own plan name, which the cart shows.
    const planName = (await servifyOffer.getAttribute('data-plan')) ?? '';
    await servifyOffer.click();
    await fillPlanForm(page, asha);
    await addPlanAndGoToCart(page, planName);
    await payAndOpenOrder(page);
    await page.locator('#policy-status[data-status="active"], #policy-status[data-status="pending"]').waitFor({ timeout: 15_000 });
    assert.match((await page.locator('#policy-provider').textContent()) ?? '', /Servify/);
    assert.notEqual((await page.locator('#policy-reference').textContent())?.trim(), 'Being issued…');
    await screenshot(page, 'servify-order-1280');
    assert.deepEqual(errors, []);
    await page.context().close();
  });
});

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
  openPresenter,
  payAndOpenOrder,
  waitForStatus,
  useShop,
} from './shop.ts';

describe('sandbox scenarios from the presenter panel', () => {
  const shop = useShop();

  it('card declined: the bank says no and no policy is bound; a good card then buys the plan (375 px)', async () => {
    const { page, errors } = await openPage(shop.browser, 375);
    await gotoShop(page, `${shop.server.baseUrl}/product.html?sku=dell-xps-13`);
    await choose(page, 'ck-scenario', 'card-declined');
    await page.locator('#ck-toggle').click();
    await showAllOffers(page);
    const plan = offer(page, 'Extended Warranty, 1 year');
    await plan.waitFor();
    await plan.click();
    await fillPlanForm(page, asha);
    await addPlanAndGoToCart(page, /Extended Warranty, 1 year/);
    assert.equal(await page.locator('#card').inputValue(), '4000 0000 0000 0002');
    await page.locator('#pay').click();
    await page.locator('#checkout-status.error', { hasText: 'declined' }).waitFor();
    await screenshot(page, 'scenario-card-declined-375');
    const cartOrderId = await page.evaluate(
      () => (JSON.parse(sessionStorage.getItem('coverkit-demo-cart') ?? '{}') as { plan?: { orderId: string } }).plan?.orderId,
    );
    const unpaid = await fetch(`${shop.server.baseUrl}/v1/orders/${cartOrderId}`, { headers: { Authorization: 'Bearer sk_test_demo' } });
    assert.equal(((await unpaid.json()) as { order: { status: string } }).order.status, 'awaiting_payment');

    await page.locator('#card').fill('4242 4242 4242 4242');
    await payAndOpenOrder(page);
    await waitForStatus(page, 'active');
    assert.deepEqual(errors, []);
    await page.context().close();
  });

  it('Octamile stays busy: "Fill shopper details" types a Swamped shopper, and checkout says the insurer is busy (1280 px)', async () => {
    const { page, errors } = await openPage(shop.browser, 1280);
    await gotoShop(page, `${shop.server.baseUrl}/product.html?sku=tecno-camon-30`);
    await choose(page, 'ck-scenario', 'octamile-swamped');
    await showAllOffers(page);
    const plan = offer(page, 'Comprehensive cover, 6 months');
    await plan.waitFor();
    await plan.click();
    await page.locator('cover-offers [part~="form"]').waitFor();
    await page.locator('#ck-fill-shopper').click();
    await page.locator('#ck-status', { hasText: 'as Folake Swamped' }).waitFor();
    await page.locator('#ck-toggle').click();
    assert.equal(await page.locator('cover-offers').getByLabel('Full name').inputValue(), 'Folake Swamped');
    await addPlanAndGoToCart(page, /Comprehensive cover, 6 months/);
    await page.locator('#pay').click();
    const status = page.locator('#checkout-status.error');
    await status.waitFor();
    assert.match((await status.textContent()) ?? '', /busy/i);
    await screenshot(page, 'scenario-octamile-busy-1280');
    assert.deepEqual(errors, []);
    await page.context().close();
  });

  it('provider down: Assurify answers 503, BigFix offers are still shown and the panel notes Assurify unavailable (1280 px)', async () => {
    const { page, errors } = await openPage(shop.browser, 1280);
    await gotoShop(page, `${shop.server.baseUrl}/product.html?sku=galaxy-s23`);
    await choose(page, 'ck-scenario', 'down');
    await choose(page, 'ck-target', 'assurify');
    await page.locator('#ck-status', { hasText: 'assurify answers 503' }).waitFor();
    const rules = (await (await fetch(`${shop.server.baseUrl}/sandbox/_faults`)).json()) as { rules: { provider: string }[] };
    assert.deepEqual(
      rules.rules.map((rule) => rule.provider),
      ['assurify'],
    );

    await offer(page, 'Accidental & Liquid Damage Protection, 1 year').waitFor({ state: 'attached' });
    await page.locator('#ck-last-quote .ck-unavailable[data-provider="assurify"]').waitFor({ timeout: 20_000 });
    assert.equal(await offer(page, 'Assurify').count(), 0);
    assert.ok((await offer(page, 'BigFix').count()) > 0);
    await screenshot(page, 'scenario-provider-down-1280');

    await choose(page, 'ck-scenario', 'none');
    await page.locator('#ck-status', { hasText: 'Scenario off' }).waitFor();
    assert.deepEqual(((await (await fetch(`${shop.server.baseUrl}/sandbox/_faults`)).json()) as { rules: unknown[] }).rules, []);
    await openPresenter(page);
    assert.deepEqual(errors, []);
    await page.context().close();
  });
});

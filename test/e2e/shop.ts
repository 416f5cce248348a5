/** Steps a shopper (and a presenter) takes through the demo shop, shared by the e2e tests. */
import assert from 'node:assert/strict';
import { after, before } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { asha, startTestServer, TEST_IMEI, type TestServer } from '../../server/src/testing/test-server.ts';
import { launchBrowser } from './browser.ts';

export interface Shopper {
  name: string;
  email: string;
  phone: string;
  address: { line1: string; city: string; state: string; postalCode: string };
}

export const folake = (lastName = 'Adeyemi'): Shopper => ({
  name: `Folake ${lastName}`,
  email: `folake.${lastName.toLowerCase()}@example.com`,
  phone: '+2347010001234',
  address: { line1: '14 Admiralty Way', city: 'Lagos', state: 'Lagos', postalCode: '106104' },
});
export { asha };

/** The app on a free port and a headless Chromium for one describe block; both stop after it. */
export function useShop(environment: Record<string, string> = {}): { server: TestServer; browser: Browser } {
  const shop = {} as { server: TestServer; browser: Browser };
  before(async () => {
    shop.server = await startTestServer(environment);
    shop.browser = await launchBrowser();
  });
  after(async () => {
    await shop.browser?.close();
    await shop.server?.close();
  });
  return shop;
}

/** A page that records uncaught errors, for `assert.deepEqual(errors, [])` at the end. */
export async function openPage(browser: Browser, width: number): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return { page, errors };
}

export async function gotoShop(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.locator('body[data-ready="true"]').waitFor();
}

/** The presenter drawer, opened; `choose` sets a select by its id. */
export async function openPresenter(page: Page): Promise<void> {
  if (await page.locator('#ck-drawer').isHidden()) await page.locator('#ck-toggle').click();
  await page.locator('#ck-drawer').waitFor();
}

export async function choose(page: Page, selectId: string, value: string): Promise<void> {
  await openPresenter(page);
  await page.locator(`#${selectId}`).selectOption(value);
}

/**
 * An offer by the insurer's plan name (`data-plan`) or by what it shows ("12 months · BigFix").
 * Only the best offer of each kind shows at first: `showAllOffers` unfolds the others.
 */
export const offer = (page: Page, text: string) =>
  page
    .locator(`cover-offers [part~="offer"][data-plan*="${text.replace(/"/g, '\\"')}"]`)
    .or(page.locator('cover-offers [part~="offer"]', { hasText: text }));

/** Waits for the offers, then opens every kind's "Other plans", so each offer can be clicked. */
export async function showAllOffers(page: Page): Promise<void> {
  await page.locator('cover-offers [part~="offer"]').first().waitFor();
  // Offers stream in as each insurer answers: unfold once the last one has (the list is no longer busy).
  await page.locator('cover-offers cover-offer-list[aria-busy="false"]').waitFor({ state: 'attached' });
  const folded = page.locator('cover-offers details:not([open]) > summary[part~="more-button"]');
  while ((await folded.count()) > 0) await folded.first().click();
}

/** Fills whichever fields the chosen offer's form shows. */
export async function fillPlanForm(page: Page, shopper: Shopper, imei = TEST_IMEI): Promise<void> {
  await page.locator('cover-offers [part~="form"]').waitFor();
  const fields: [string | RegExp, string, boolean?][] = [
    ['Full name', shopper.name],
    ['Email', shopper.email],
    ['Mobile number', shopper.phone],
    ['Address', shopper.address.line1, true],
    ['City', shopper.address.city],
    ['State', shopper.address.state],
    ['Postal code', shopper.address.postalCode],
    ['IMEI', imei, true],
    ['Serial number', 'DX13-5K2P9Q'],
    ["Manufacturer's warranty (years)", '1'],
  ];
  for (const [label, value, exact] of fields) {
    const input = page.locator('cover-offers [part~="form"]').getByLabel(label, { exact: exact ?? false });
    if ((await input.count()) > 0) await input.first().fill(value);
  }
  // A full-page screenshot with a focused input makes Chromium scroll on the next focus change.
  await page.evaluate(() => {
    let active = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    (active as HTMLElement | null)?.blur();
  });
}

/** Submits the widget's form, then goes to the cart, where the plan is its own line. */
export async function addPlanAndGoToCart(page: Page, planName: string | RegExp): Promise<void> {
  await page.locator('cover-offers [part~="submit-button"]').click();
  // The review step: the shopper checks the details, agrees to the plan terms, then confirms.
  await page.locator('cover-offers [part~="consent"] input').check();
  await page.locator('cover-offers [part~="confirm-button"]').click();
  await page.locator('#added-banner:not([hidden])').waitFor();
  await page.locator('#go-to-cart').click();
  await page.locator('body[data-page="cart"][data-ready="true"]').waitFor();
  assert.match(
    (await page.locator('#cart-lines .plan-line').textContent()) ?? '',
    planName instanceof RegExp ? planName : new RegExp(planName),
  );
}

/** Pays on the cart page and lands on the order page; answers the order id. */
export async function payAndOpenOrder(page: Page): Promise<string> {
  await page.locator('#pay').click();
  await page.waitForURL(/\/order\.html\?id=ord_/);
  await page.locator('#order-details:not([hidden])').waitFor();
  return new URL(page.url()).searchParams.get('id')!;
}

export async function waitForStatus(page: Page, status: string, timeout = 15_000): Promise<void> {
  await page.locator(`#policy-status[data-status="${status}"]`).waitFor({ timeout });
}

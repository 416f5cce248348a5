import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { screenshot } from './browser.ts';
import { buyPolicy, imei, oneplus12, openMyPlans, policyOf } from './claims-shop.ts';
import { openPage, useShop } from './shop.ts';

const today = () => new Date().toISOString().slice(0, 10);

/** Servify's steps: what happened and the problem from its list, details with the address, a visit slot, review. */
async function fileClaim(page: Page, policy: Locator, description: string, shot: string) {
  await policy.locator('[part~="claim-button"]').click();
  await policy.getByLabel('Stopped working (breakdown)').check();
  const issue = policy.getByLabel('What is the problem?');
  const firstIssue = await issue.locator('option').nth(1).getAttribute('value');
  await issue.selectOption(firstIssue!);
  await screenshot(page, `${shot}-what`);
  await policy.getByRole('button', { name: 'Continue' }).click();
  await policy.getByLabel('When did it happen?').fill(today());
  await policy.getByLabel('Describe what happened').fill(description);
  await policy.getByLabel('Address', { exact: true }).fill('12 MG Road');
  await policy.getByLabel('City').fill('Bengaluru');
  await policy.getByLabel('State').fill('Karnataka');
  await policy.getByLabel('Postal code').fill('560001');
  await screenshot(page, `${shot}-details`);
  await policy.getByRole('button', { name: 'Continue' }).click();
  const slot = policy.locator('label.choice:has(input[name="slot"])').first();
  await slot.locator('input').check();
  const slotText = ((await slot.textContent()) ?? '').trim();
  await screenshot(page, `${shot}-slot`);
  await policy.getByRole('button', { name: 'Continue' }).click();
  await screenshot(page, `${shot}-review`);
  await policy.locator('[part~="submit-button"]').click();
  return slotText;
}

describe('a shopper files Servify claims on "My plans"', () => {
  // Servify's sandbox moves a claim one step every 2.5 s; a service location gives visit slots.
  const shop = useShop({ SERVIFY_SANDBOX_CLAIM_STEP_MS: '2500', SERVIFY_SERVICE_LOCATION_CODE: 'BLR_KORAMANGALA' });

  it('a visit slot booked, then followed live as the repair goes on (1280 px)', async () => {
    const bought = await buyPolicy(shop.server, oneplus12, 'servify', imei('35100000000001'));
    const { page, errors } = await openPage(shop.browser, 1280);
    await openMyPlans(page, shop.server, [bought]);
    const policy = policyOf(page, bought.orderId);
    await policy.locator('[part~="policy-reference"]').waitFor();
    const slotText = await fileClaim(page, policy, 'The power button no longer works', 'claims-servify-1280');
    const status = policy.locator('[part~="claim-status"]');
    await status.filter({ hasText: 'Visit booked' }).waitFor({ timeout: 20_000 });
    const time = slotText.match(/\d\d:\d\d–\d\d:\d\d/)?.[0];
    assert.ok(time, `no time in the slot ${slotText}`);
    await policy.locator('[part~="claim"] dd', { hasText: time }).waitFor(); // the visit booked
    await screenshot(page, 'claims-servify-booked-1280');
    await status.filter({ hasText: 'Being repaired' }).waitFor({ timeout: 20_000 });
    assert.match((await page.locator(`.plan-card[data-order-id="${bought.orderId}"] .claim-note`).textContent()) ?? '', /in repair/);
    await screenshot(page, 'claims-servify-repairing-1280');
    assert.deepEqual(errors, []);
    await page.context().close();
  });

  it('a visit slot booked, then withdrawn by the shopper (375 px)', async () => {
    const bought = await buyPolicy(shop.server, oneplus12, 'servify', imei('35100000000002'));
    const { page, errors } = await openPage(shop.browser, 375);
    await openMyPlans(page, shop.server, [bought]);
    const policy = policyOf(page, bought.orderId);
    await policy.locator('[part~="policy-reference"]').waitFor();
    await fileClaim(page, policy, 'The screen flickers and goes dark', 'claims-servify-375');
    const status = policy.locator('[part~="claim-status"]');
    await status.filter({ hasText: 'Visit booked' }).waitFor({ timeout: 20_000 });
    await screenshot(page, 'claims-servify-booked-375');
    await policy.getByRole('button', { name: 'Withdraw this claim' }).click();
    await screenshot(page, 'claims-servify-withdraw-375');
    await policy.getByRole('button', { name: 'Yes, withdraw' }).click();
    await status.filter({ hasText: 'Withdrawn' }).waitFor({ timeout: 10_000 });
    assert.equal(await policy.getByRole('button', { name: 'Withdraw this claim' }).count(), 0);
    await screenshot(page, 'claims-servify-withdrawn-375');
    assert.deepEqual(errors, []);
    await page.context().close();
  });
});

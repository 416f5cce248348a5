import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { screenshot } from './browser.ts';
import { buyPolicy, imei, iphone15, openMyPlans, png, policyOf, throttleUploads } from './claims-shop.ts';
import { choose, openPage, useShop } from './shop.ts';

const today = () => new Date().toISOString().slice(0, 10);

/** The claim steps for Assurify: what happened, details, invoice and photo, review. */
async function fileClaim(page: Page, policy: Locator, photo: Buffer, shot: string) {
  await policy.locator('[part~="claim-button"]').click();
  await policy.getByLabel('Accidental damage (dropped, cracked)').check();
  await policy.getByRole('button', { name: 'Continue' }).click();
  await policy.getByLabel('When did it happen?').fill(today());
  await policy.getByLabel('Describe what happened').fill('Dropped on tiles, the screen cracked');
  await policy.getByRole('button', { name: 'Continue' }).click();
  await policy.locator('#invoice').setInputFiles({ name: 'invoice.png', mimeType: 'image/png', buffer: png(120, 160) });
  await policy.locator('#photo').setInputFiles({ name: 'screen.png', mimeType: 'image/png', buffer: photo });
  await policy.locator('img[part~="preview"]').nth(1).waitFor();
  await screenshot(page, `${shot}-files`);
  await policy.getByRole('button', { name: 'Continue' }).click();
  assert.match(
    (await policy.locator('.review').textContent()) ?? '',
    /Dropped on tiles, the screen cracked[\s\S]*invoice\.png[\s\S]*screen\.png/,
  );
  await screenshot(page, `${shot}-review`);
}

describe('a shopper files Assurify claims on "My plans"', () => {
  const shop = useShop({ ASSURIFY_SANDBOX_WEBHOOK_DELAY_MS: '200' });

  it('approved with a payout: a 10 MB photo uploads with visible progress (1280 px)', async () => {
    const bought = await buyPolicy(shop.server, iphone15, 'assurify', imei('35000000000001'), /Accidental/);
    const { page, errors } = await openPage(shop.browser, 1280);
    await openMyPlans(page, shop.server, [bought]);
    await choose(page, 'ck-assurify-claims', 'approved');
    await page.locator('#ck-status', { hasText: 'Assurify claims: approved' }).waitFor();
    await page.locator('#ck-toggle').click();
    const policy = policyOf(page, bought.orderId);
    await policy.locator('[part~="policy-reference"]').waitFor();
    await screenshot(page, 'claims-assurify-plan-1280');

    const tenMegabytes = 10 * 1024 * 1024 - 4096;
    await fileClaim(page, policy, png(160, 120, tenMegabytes), 'claims-assurify-1280');
    await throttleUploads(page, 4 * 1024 * 1024);
    await policy.locator('[part~="submit-button"]').click();
    const progress = policy.locator('progress[part~="progress"]');
    await progress.waitFor();
    // The bar moves as bytes leave the browser (uploads throttled to 4 MB/s: about 2.5 s).
    let seen = 0;
    for (let attempt = 0; attempt < 100 && seen <= 10; attempt++) {
      seen = await progress.evaluate((bar: HTMLProgressElement) => bar.value).catch(() => 100);
      if (seen <= 10) await page.waitForTimeout(50);
    }
    assert.ok(seen > 10 && seen < 100, `progress seen at ${seen}%`);
    assert.match((await policy.locator('.upload').textContent()) ?? '', /Sending your claim… \d+%/);
    await screenshot(page, 'claims-assurify-uploading-1280');

    await policy.locator('[part~="claim-status"]', { hasText: 'Approved' }).waitFor({ timeout: 20_000 });
    assert.match((await policy.locator('[part~="payout"]').textContent()) ?? '', /Payout: ₹[\d,]+/);
    assert.match(
      (await page.locator(`.plan-card[data-order-id="${bought.orderId}"] .claim-note`).textContent()) ?? '',
      /Claim .+ (sent to the insurer|approved)/,
    );
    await screenshot(page, 'claims-assurify-approved-1280');
    assert.deepEqual(errors, []);
    await page.context().close();
  });

  it('rejected with the reasons, chosen in the presenter drawer (375 px)', async () => {
    const bought = await buyPolicy(shop.server, iphone15, 'assurify', imei('35000000000002'), /Accidental/);
    const { page, errors } = await openPage(shop.browser, 375);
    await openMyPlans(page, shop.server, [bought]);
    await choose(page, 'ck-assurify-claims', 'rejected');
    await page.locator('#ck-status', { hasText: 'Assurify claims: rejected' }).waitFor();
    await page.locator('#ck-toggle').click();
    const policy = policyOf(page, bought.orderId);
    await policy.locator('[part~="policy-reference"]').waitFor();
    await screenshot(page, 'claims-assurify-plan-375');
    await fileClaim(page, policy, png(160, 120), 'claims-assurify-375');
    await policy.locator('[part~="submit-button"]').click();
    await policy.locator('[part~="claim-status"]', { hasText: 'Not approved' }).waitFor({ timeout: 20_000 });
    const reasons = policy.locator('[part~="reasons"] li');
    assert.ok((await reasons.count()) > 0, 'no reasons given');
    assert.ok(((await reasons.first().textContent()) ?? '').trim().length > 5);
    await screenshot(page, 'claims-assurify-rejected-375');
    assert.deepEqual(errors, []);
    await page.context().close();
  });
});

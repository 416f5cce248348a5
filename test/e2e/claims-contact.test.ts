import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { screenshot } from './browser.ts';
import { buyPolicy, galaxyS23, imei, openMyPlans, policyOf, tecnoCamon30 } from './claims-shop.ts';
import { openPage, useShop } from './shop.ts';

const folake = {
  name: 'Folake Adeyemi',
  email: 'folake.adeyemi@example.com',
  phone: '+2347010001234',
  address: { line1: '14 Admiralty Way', city: 'Lagos', state: 'Lagos', postalCode: '106104', country: 'NG' },
};

describe('"My plans" says how to claim where the insurer has no claims API', () => {
  const shop = useShop({ OCTAMILE_SANDBOX_REVIEW_DELAY_MS: '300' });

  it('BigFix: phone, email and the claims site, and no claim form (375 and 1280 px)', async () => {
    const bought = await buyPolicy(shop.server, galaxyS23, 'bigfix', imei('35200000000001'));
    for (const width of [375, 1280]) {
      const { page, errors } = await openPage(shop.browser, width);
      await openMyPlans(page, shop.server, [bought]);
      const contact = policyOf(page, bought.orderId).locator('[part~="contact"]');
      await contact.waitFor();
      assert.equal(await contact.locator('a[href^="tel:"]').getAttribute('href'), 'tel:+918047182200');
      assert.equal(await contact.locator('a[href^="mailto:"]').textContent(), 'claims@sandbox.bigfix.example');
      assert.equal(await contact.locator('a[target="_blank"]').getAttribute('href'), 'https://sandbox.bigfix.example/claims');
      assert.match((await contact.textContent()) ?? '', /To make a claim, contact the insurer directly:\s*BigFix/i);
      assert.equal(await policyOf(page, bought.orderId).locator('[part~="claim-button"]').count(), 0);
      await screenshot(page, `claims-bigfix-contact-${width}`);
      assert.deepEqual(errors, []);
      await page.context().close();
    }
  });

  it('Octamile: the policy waits for its video, then once active says how to claim (375 px)', async () => {
    const bought = await buyPolicy(shop.server, tecnoCamon30, 'octamile', imei('35300000000001'), /1 year/, folake);
    const { page, errors } = await openPage(shop.browser, 375);
    await openMyPlans(page, shop.server, [bought]);
    const policy = policyOf(page, bought.orderId);
    await policy.locator('[part~="activation"]').waitFor();
    assert.match((await policy.locator('[part~="claims"]').textContent()) ?? '', /You can make a claim once your cover is active/);
    await screenshot(page, 'claims-octamile-activation-375');
    await policy
      .locator('[part~="file-input"]')
      .setInputFiles({ name: 'check.mp4', mimeType: 'video/mp4', buffer: Buffer.from('\u0000\u0000\u0000\u0018ftypmp42 demo video') });
    await policy.locator('[part~="upload-button"]').click();
    const contact = policy.locator('[part~="contact"]');
    await contact.waitFor({ timeout: 20_000 });
    assert.equal(await contact.locator('a[href^="tel:"]').getAttribute('href'), 'tel:+23418880101');
    await screenshot(page, 'claims-octamile-contact-375');
    assert.deepEqual(errors, []);
    await page.context().close();
  });
});

/**
 * The built script-tag bundle (dist/widget/coverkit.js, from `npm run build`) on a shop
 * page served with a strict CSP and Trusted Types: offers, the form and review, and the
 * picker with its catalog must work without a single `securitypolicyviolation` or page
 * error. The page loads the widget twice (the same URL twice, plus the pinned
 * `coverkit-<version>.js`, a second copy with its own classes): that must not throw.
 * The /v1 API is a stub on the same 127.0.0.1 server.
 *
 * A page that pins the version (`coverkit-<version>.js` with its SRI hash, and the import map
 * `npm run widget:sri` prints, carrying every chunk's hash) runs the whole flow under
 * `trusted-types lit-html` and loads only pinned, versioned files: no second copy. A chunk
 * whose hash does not match is refused.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { chromium } from 'playwright-core';
import type { Browser } from 'playwright-core';
import { CHROMIUM_FLAGS, findChromium } from '../../scripts/find-chromium.mjs';
import { pinnedIntegrity } from '../../scripts/widget-sri.mjs';

const CSP = "script-src 'self'; require-trusted-types-for 'script'; object-src 'none'";
const widgetDir = path.resolve('dist/widget');
const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };

const offer = {
  offerId: 'off_bigfix_adld',
  provider: 'bigfix',
  providerName: 'BigFix',
  type: 'ADLD',
  name: 'Accidental & Liquid Damage',
  termMonths: 12,
  price: { amount: 2499, currency: 'INR' },
  requires: ['customer.name', 'customer.email'],
  expiresAt: '2030-01-01T00:00:00Z',
};
const catalog = {
  categories: ['Mobile'],
  brands: [{ name: 'Samsung', category: 'Mobile', models: ['Galaxy S23'], providers: ['bigfix'] }],
  currencies: ['INR'],
  countries: ['IN'],
  providers: [{ id: 'bigfix', name: 'BigFix', mode: 'sandbox' }],
};

const page = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>Shop</title>
    <script type="module" src="/widget/coverkit.js"></script>
    <script type="module" src="/widget/coverkit.js"></script>
    <script type="module" src="/widget/coverkit-${version}.js"></script>
  </head>
  <body>
    <main>
      <cover-offers id="device" publishable-key="pk_test_demo" category="Mobile" brand="Samsung" model="Galaxy S23"
        price="74999" currency="INR" country="IN" locale="en-IN"></cover-offers>
      <cover-offers id="picker" publishable-key="pk_test_demo" category="Mobile"
        price="74999" currency="INR" country="IN" locale="en-IN"></cover-offers>
    </main>
  </body>
</html>`;

/** The page a merchant who pins the version writes, from `npm run widget:sri`; `tamper` breaks one chunk's hash. */
function pinnedPage({ tamper = false } = {}) {
  const pinned = pinnedIntegrity({ base: '/widget/' });
  const integrity = { ...pinned.integrity };
  if (tamper) {
    const form = Object.keys(integrity).find((url) => url.includes('cover-offer-form'))!;
    integrity[form] = `sha384-${Buffer.alloc(48).toString('base64')}`;
  }
  const importMap = tamper ? JSON.stringify({ imports: {}, integrity }) : pinned.importMap;
  const importMapSource = `'sha256-${createHash('sha256').update(importMap).digest('base64')}'`;
  const html = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>Shop</title>
    <script type="importmap">${importMap}</script>
    <script type="module" src="${pinned.entry.url}" integrity="${pinned.entry.integrity}" crossorigin="anonymous"></script>
  </head>
  <body>
    <main>
      <cover-offers id="device" publishable-key="pk_test_demo" category="Mobile" brand="Samsung" model="Galaxy S23"
        price="74999" currency="INR" country="IN" locale="hi-IN"></cover-offers>
      <cover-offers id="picker" publishable-key="pk_test_demo" category="Mobile"
        price="74999" currency="INR" country="IN" locale="en-IN"></cover-offers>
    </main>
  </body>
</html>`;
  const csp = `script-src 'self' ${importMapSource}; require-trusted-types-for 'script'; trusted-types lit-html; object-src 'none'; base-uri 'none'`;
  return { html, csp };
}

const widgetRequests: string[] = [];

const server = createServer((request, response) => {
  const url = new URL(request.url ?? '/', 'http://127.0.0.1');
  const send = (status: number, body: string | Buffer, type: string, csp = CSP) => {
    response.writeHead(status, { 'Content-Type': type, 'Content-Security-Policy': csp });
    response.end(body);
  };
  const json = (body: unknown) => send(200, JSON.stringify(body), 'application/json');
  if (url.pathname.startsWith('/widget/')) widgetRequests.push(path.basename(url.pathname));
  if (url.pathname === '/') return send(200, page, 'text/html; charset=utf-8');
  if (url.pathname === '/pinned' || url.pathname === '/tampered') {
    const pinned = pinnedPage({ tamper: url.pathname === '/tampered' });
    return send(200, pinned.html, 'text/html; charset=utf-8', pinned.csp);
  }
  if (url.pathname === '/v1/quotes') return json({ offers: [offer], unavailable: [] });
  if (url.pathname === '/v1/catalog') return json(catalog);
  const file = path.join(widgetDir, path.basename(url.pathname));
  if (url.pathname.startsWith('/widget/') && existsSync(file)) return send(200, readFileSync(file), 'text/javascript');
  send(404, 'not found', 'text/plain');
});

let browser: Browser;
let origin: string;

before(async () => {
  assert.ok(existsSync(path.join(widgetDir, 'coverkit.js')), 'dist/widget/coverkit.js is missing: run `npm run build` first');
  const executablePath = findChromium();
  assert.ok(executablePath, 'No Chromium found: run `node scripts/ensure-chromium.mjs`');
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launch({
    executablePath,
    args: CHROMIUM_FLAGS.filter((flag) => !flag.startsWith('--headless')),
    headless: true,
  });
});

after(async () => {
  await browser?.close();
  server.close();
});

describe('the script-tag widget under CSP and Trusted Types', () => {
  it('shows offers, the form, the review and the picker with no violation, loaded twice', async () => {
    const tab = await browser.newPage();
    const problems: string[] = [];
    const warnings: string[] = [];
    tab.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    tab.on('console', (message) => {
      if (/Content.Security|Trusted ?Type/i.test(message.text())) problems.push(`console: ${message.text()}`);
      if (message.type() === 'warning') warnings.push(message.text());
    });
    // Injected by the browser, not by the page: it does not weaken the page's own policy.
    await tab.addInitScript(() => {
      const violations: string[] = [];
      Object.assign(window, { violations });
      window.addEventListener(
        'securitypolicyviolation',
        (event) => violations.push(`${event.effectiveDirective} blocked ${event.blockedURI || event.sample}`),
        true,
      );
    });
    await tab.goto(origin);

    const device = tab.locator('#device');
    await device.locator('[part~="offer"]').first().click();
    await device.getByLabel('Full name').fill('Asha Rao');
    await device.getByLabel('Email').fill('asha@example.com');
    await device.locator('[part~="submit-button"]').click();
    await device.locator('[part~="confirm-button"]').waitFor();

    const picker = tab.locator('#picker');
    await picker.getByLabel('Brand').selectOption('Samsung');
    await picker.getByLabel('Model').selectOption('Galaxy S23');
    await picker.locator('[part~="offer"]').first().waitFor();

    // The pinned copy is a second set of classes: the first copy keeps the tags.
    const copies = await tab.evaluate(() => customElements.get('cover-offers') === document.getElementById('device')!.constructor);
    assert.equal(copies, true);
    assert.ok(
      warnings.some((warning) => warning.includes('<cover-offers> is already defined by another copy')),
      `the second copy did not run: ${warnings.join(' | ')}`,
    );

    const violations = await tab.evaluate(() => (window as unknown as { violations: string[] }).violations);
    assert.deepEqual([...violations, ...problems], []);

    // The policy really is enforced (so a clean run above means something), and seen.
    const blocked = await tab.evaluate(() => {
      try {
        document.body.innerHTML = '<b>raw</b>';
        return false;
      } catch (error) {
        return error instanceof TypeError;
      }
    });
    assert.equal(blocked, true, 'Trusted Types did not block a string assigned to innerHTML');
    await tab.waitForFunction(() => (window as unknown as { violations: string[] }).violations.length > 0);
    await tab.close();
  });

  it("pins the version: only versioned files, every chunk under the import map's integrity, no second copy, trusted-types lit-html", async () => {
    const tab = await browser.newPage();
    const problems: string[] = [];
    const warnings: string[] = [];
    tab.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    tab.on('console', (message) => {
      if (/Content.Security|Trusted ?Type|integrity/i.test(message.text())) problems.push(`console: ${message.text()}`);
      if (message.type() === 'warning') warnings.push(message.text());
    });
    await tab.addInitScript(() => {
      const violations: string[] = [];
      Object.assign(window, { violations });
      window.addEventListener(
        'securitypolicyviolation',
        (event) => violations.push(`${event.effectiveDirective} blocked ${event.blockedURI || event.sample}`),
        true,
      );
    });
    widgetRequests.length = 0;
    await tab.goto(`${origin}/pinned`);

    const device = tab.locator('#device');
    await device.locator('[part~="offer"]').first().click();
    await device.locator('input[name="name"], input[autocomplete="name"]').first().fill('Asha Rao');
    await device.locator('input[type="email"]').fill('asha@example.com');
    await device.locator('[part~="submit-button"]').click();
    await device.locator('[part~="confirm-button"]').waitFor();
    // One Lit Localize language per copy of the script: the picker speaks Hindi too.
    const picker = tab.locator('#picker');
    await picker.locator('select').first().selectOption('Samsung');
    await picker.locator('select').nth(1).selectOption('Galaxy S23');
    await picker.locator('[part~="offer"]').first().waitFor();

    const pinned = pinnedIntegrity({ base: '/widget/' });
    const unpinned = widgetRequests.filter((file) => !file.startsWith(`coverkit-${version}`));
    assert.deepEqual(unpinned, [], 'the pinned page loaded unversioned files');
    for (const file of widgetRequests.filter((name) => name !== `coverkit-${version}.js`)) {
      assert.ok(pinned.integrity[`/widget/${file}`], `${file} has no integrity in the import map`);
    }
    assert.ok(
      widgetRequests.some((file) => file.includes('cover-offer-form')),
      'the form chunk was loaded (and checked)',
    );
    assert.ok(
      widgetRequests.some((file) => file.includes('-hi-')),
      'the Hindi catalog chunk was loaded (and checked)',
    );
    assert.deepEqual(
      warnings.filter((warning) => warning.includes('another copy')),
      [],
    );
    const violations = await tab.evaluate(() => (window as unknown as { violations: string[] }).violations);
    assert.deepEqual([...violations, ...problems], []);
    await tab.close();
  });

  it('refuses a pinned chunk whose hash does not match', async () => {
    const tab = await browser.newPage();
    const refusals: string[] = [];
    tab.on('console', (message) => {
      if (/integrity|digest/i.test(message.text())) refusals.push(message.text());
    });
    await tab.goto(`${origin}/tampered`);
    const device = tab.locator('#device');
    await device.locator('[part~="offer"]').first().click();
    await tab.waitForTimeout(1500);
    assert.ok(refusals.length > 0, 'no integrity refusal in the console');
    assert.equal(await device.locator('[part~="submit-button"]').count(), 0, 'the tampered form chunk ran');
    await tab.close();
  });
});

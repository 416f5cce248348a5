/**
 * Cold loads of the demo page in headless Chromium: time from navigation start until the
 * first offer is on screen, layout shift until then, and which widget scripts had to be
 * downloaded first. Each load gets a new browser context with the cache disabled.
 */
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM_FLAGS, findChromium } from '../scripts/find-chromium.mjs';

const OFFER_SELECTOR = 'cover-offers [part~="offer"]';
const LOAD_TIMEOUT_MS = 15_000;

export interface PageLoad {
  offersVisibleMs: number;
  cumulativeLayoutShift: number;
  /** Widget scripts (path under /widget/) whose download ended before the offers showed. */
  widgetScripts: string[];
  /** Where the time went: the widget's script downloaded, the quote answered (ms from navigation). */
  widgetScriptLoadedMs: number;
  quoteAnsweredMs: number;
}

interface PageProbe {
  offersVisibleAt?: number;
  layoutShift: number;
  scripts: string[];
  widgetScriptLoadedAt: number;
  quoteAnsweredAt: number;
}

// Runs in the page before any of its scripts. Polls once a frame, so "visible" means a
// frame was about to be painted with an offer in it; the offers live in shadow roots.
// Plain JavaScript in a string: tsx would wrap a function's inner helpers in `__name(…)`,
// which does not exist in the page.
const PROBE_SCRIPT = `
(() => {
  const probe = { offersVisibleAt: undefined, layoutShift: 0, scripts: [] };
  window.coverkitProbe = probe;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (!entry.hadRecentInput) probe.layoutShift += entry.value;
  }).observe({ type: 'layout-shift', buffered: true });
  const findOffer = (root) => {
    for (const element of root.querySelectorAll('*')) {
      if (element.matches('[part~="offer"]') && element.getBoundingClientRect().height > 0) return element;
      if (element.shadowRoot) {
        const found = findOffer(element.shadowRoot);
        if (found) return found;
      }
    }
    return null;
  };
  const check = () => {
    if (!findOffer(document)) return requestAnimationFrame(check);
    probe.offersVisibleAt = performance.now();
    const resources = performance.getEntriesByType('resource');
    const ended = (path) => Math.max(0, ...resources.filter((entry) => new URL(entry.name).pathname === path).map((entry) => entry.responseEnd));
    probe.widgetScriptLoadedAt = ended('/widget/coverkit.js');
    probe.quoteAnsweredAt = ended('/v1/quotes');
    probe.scripts = resources
      .filter((entry) => entry.responseEnd <= probe.offersVisibleAt)
      .map((entry) => new URL(entry.name).pathname)
      .filter((path) => path.startsWith('/widget/') && path.endsWith('.js'))
      .map((path) => path.slice('/widget/'.length));
  };
  requestAnimationFrame(check);
})();
`;

export async function launchChromium(): Promise<Browser> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error('No Chromium found: run `node scripts/ensure-chromium.mjs`');
  return chromium.launch({ executablePath, args: CHROMIUM_FLAGS.filter((flag) => !flag.startsWith('--headless')), headless: true });
}

export async function coldLoad(browser: Browser, baseUrl: string): Promise<PageLoad> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    const page = await context.newPage();
    const session = await context.newCDPSession(page);
    await session.send('Network.enable');
    await session.send('Network.setCacheDisabled', { cacheDisabled: true });
    await page.addInitScript({ content: PROBE_SCRIPT });
    await page.goto(`${baseUrl}/product.html?sku=galaxy-s23`, { timeout: LOAD_TIMEOUT_MS });
    await page.locator(OFFER_SELECTOR).first().waitFor({ timeout: LOAD_TIMEOUT_MS });
    await page.waitForFunction('window.coverkitProbe.offersVisibleAt !== undefined', undefined, { timeout: LOAD_TIMEOUT_MS });
    // Layout shifts are reported a frame or two after they happen: let the offers' own shift arrive.
    await page.waitForTimeout(300);
    const probe = (await page.evaluate('window.coverkitProbe')) as PageProbe;
    return {
      offersVisibleMs: probe.offersVisibleAt!,
      cumulativeLayoutShift: probe.layoutShift,
      widgetScripts: probe.scripts,
      widgetScriptLoadedMs: probe.widgetScriptLoadedAt,
      quoteAnsweredMs: probe.quoteAnsweredAt,
    };
  } finally {
    await context.close();
  }
}

export function percentile(values: number[], fraction: number): number {
  const sorted = [...values].sort((left, right) => left - right);
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)]!;
}

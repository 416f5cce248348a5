/**
 * Lighthouse 12.2.3 (the newest that runs on Node 20) on the demo product page, mobile
 * (its default: a Moto G Power screen, simulated slow 4G and 4× CPU slowdown), in the
 * Debian Chromium. One run of performance, accessibility and best practices.
 */
import { launch } from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { CHROMIUM_FLAGS, findChromium } from '../scripts/find-chromium.mjs';

export const LIGHTHOUSE_CATEGORIES = ['performance', 'accessibility', 'best-practices'] as const;
export type LighthouseCategory = (typeof LIGHTHOUSE_CATEGORIES)[number];

export interface LighthouseFigures {
  /** 0–100 per category. */
  scores: Record<LighthouseCategory, number>;
  /** Audits that lost points, by id, for the closing notes. */
  failedAudits: string[];
  largestContentfulPaintMs: number;
  totalBlockingTimeMs: number;
}

export async function runLighthouse(url: string): Promise<LighthouseFigures> {
  const chromePath = findChromium();
  if (!chromePath) throw new Error('No Chromium found: run `node scripts/ensure-chromium.mjs`');
  // Old-style --headless as TOOLCHAIN.md says; the rest as every browser the bench starts.
  const chromeFlags = ['--headless', ...CHROMIUM_FLAGS.filter((flag) => !flag.startsWith('--headless'))];
  const chrome = await launch({ chromePath, chromeFlags });
  try {
    const result = await lighthouse(url, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: [...LIGHTHOUSE_CATEGORIES],
    });
    if (!result) throw new Error('Lighthouse returned no result');
    const { categories, audits } = result.lhr;
    const scores = Object.fromEntries(LIGHTHOUSE_CATEGORIES.map((id) => [id, Math.round((categories[id]?.score ?? 0) * 100)])) as Record<
      LighthouseCategory,
      number
    >;
    const failedAudits = LIGHTHOUSE_CATEGORIES.flatMap((id) => categories[id]?.auditRefs ?? [])
      .filter((ref) => ref.weight > 0 && (audits[ref.id]?.score ?? 1) < 0.9)
      .map((ref) => ref.id);
    return {
      scores,
      failedAudits: [...new Set(failedAudits)],
      largestContentfulPaintMs: Math.round(audits['largest-contentful-paint']?.numericValue ?? Number.NaN),
      totalBlockingTimeMs: Math.round(audits['total-blocking-time']?.numericValue ?? Number.NaN),
    };
  } finally {
    chrome.kill();
  }
}

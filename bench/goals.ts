/**
 * The rows of issue 17's table, each from this run's figures beside its goal: value,
 * baseline where the goal is relative to one, the ratio, and ok / OVER.
 */
import type { CryptoFigures } from './servify-crypto.ts';
import type { LighthouseFigures } from './lighthouse.ts';
import type { LoadFigures } from './http-load.ts';
import { kilobytes, megabytes, milliseconds, times, type Row } from './table.ts';
import { isImmutableForAYear, type WireFigures } from './wire.ts';

export const GOALS = {
  offersVisibleMs: 150,
  cachedQuoteShareOfBareHono: 0.5,
  allSandboxesP99Ms: 1000,
  residentGrowth: 1.5,
  widgetBrotliBytes: 21 * 1024,
  entryGzipBytes: 20 * 1024,
  wholeFlowGzipBytes: 55 * 1024,
  servifyCryptoMs: 2,
  servifyCryptoSpeedUp: 4,
  lighthouse: { performance: 95, accessibility: 100, 'best-practices': 100 },
} as const;

/** Two decimals: a goal missed by 5 % must not read "1.0×". */
const ratioOf = (value: number) => `${value.toFixed(2)}×`;
const percent = (fraction: number) => `${(fraction * 100).toFixed(fraction < 0.1 ? 1 : 0)} %`;

export function offersVisibleRow(medianMs: number, quoteAnsweredMs: number, loads: number): Row {
  return {
    section: 'goal',
    figure: `navigation → offers visible on the demo product page, median of ${loads} cold loads`,
    value: `${milliseconds(medianMs)} (quote answered at ${milliseconds(quoteAnsweredMs)})`,
    budget: `≤ ${GOALS.offersVisibleMs} ms`,
    ratio: `${ratioOf(medianMs / GOALS.offersVisibleMs)} the goal`,
    withinBudget: medianMs <= GOALS.offersVisibleMs,
  };
}

export function cachedQuoteRow(quotes: LoadFigures, bare: LoadFigures): Row {
  const share = quotes.requestsPerSecond / Math.max(1, bare.requestsPerSecond);
  return {
    section: 'goal',
    figure: 'POST /v1/quotes, cached, 10 connections, vs a bare Hono route in the same run',
    value: `${quotes.requestsPerSecond.toLocaleString('en')} req/s`,
    baseline: `${bare.requestsPerSecond.toLocaleString('en')} req/s`,
    budget: `≥ ${percent(GOALS.cachedQuoteShareOfBareHono)} of bare Hono`,
    ratio: percent(share),
    withinBudget: share >= GOALS.cachedQuoteShareOfBareHono,
  };
}

export function allSandboxesRow(load: LoadFigures, provider429s: number): Row {
  return {
    section: 'goal',
    figure: 'quotes reaching all four sandboxes (a new device each), 10 connections',
    value: `${load.requestsPerSecond.toLocaleString('en')} req/s, p99 ${milliseconds(load.latencyP99Ms)}, provider 429s: ${provider429s}`,
    budget: `p99 ≤ ${GOALS.allSandboxesP99Ms / 1000} s, no provider 429`,
    ratio: `p99 ${ratioOf(load.latencyP99Ms / GOALS.allSandboxesP99Ms)} the goal`,
    withinBudget: load.latencyP99Ms <= GOALS.allSandboxesP99Ms && provider429s === 0,
  };
}

export function residentRow(startBytes: number, afterBytes: number): Row {
  const growth = afterBytes / startBytes;
  return {
    section: 'goal',
    figure: 'server RSS, start → after the load',
    value: `${megabytes(startBytes)} → ${megabytes(afterBytes)}`,
    budget: `≤ ${GOALS.residentGrowth}× start`,
    ratio: `${growth.toFixed(2)}× start`,
    withinBudget: growth <= GOALS.residentGrowth,
  };
}

export function wireRow(unpinned: WireFigures, pinned: WireFigures): Row {
  const immutable = isImmutableForAYear(pinned.cacheControl);
  return {
    section: 'goal',
    figure: `widget on the wire: ${unpinned.path} with Accept-Encoding: br, gzip (versioned: ${pinned.path})`,
    value: `${kilobytes(unpinned.bytesOnWire)} ${unpinned.contentEncoding}, "${unpinned.cacheControl}"; versioned "${pinned.cacheControl}"`,
    budget: `brotli ≤ ${kilobytes(GOALS.widgetBrotliBytes)}, versioned immutable for a year`,
    ratio: `${ratioOf(unpinned.bytesOnWire / GOALS.widgetBrotliBytes)} the goal`,
    withinBudget: unpinned.contentEncoding === 'br' && unpinned.bytesOnWire <= GOALS.widgetBrotliBytes && immutable,
  };
}

export function widgetGzipRow(entryGzip: number, wholeFlowGzip: number, wholeFlowFiles: number): Row {
  return {
    section: 'goal',
    figure: `widget entry / whole flow (entry and every chunk it can import, ${wholeFlowFiles} files), gzip`,
    value: `${kilobytes(entryGzip)} / ${kilobytes(wholeFlowGzip)}`,
    budget: `≤ ${kilobytes(GOALS.entryGzipBytes)} / ≤ ${kilobytes(GOALS.wholeFlowGzipBytes)}`,
    ratio: `${ratioOf(entryGzip / GOALS.entryGzipBytes)} / ${ratioOf(wholeFlowGzip / GOALS.wholeFlowGzipBytes)} the goal`,
    withinBudget: entryGzip <= GOALS.entryGzipBytes && wholeFlowGzip <= GOALS.wholeFlowGzipBytes,
  };
}

export function servifyCryptoRow(crypto: CryptoFigures | undefined): Row {
  const figure = `Servify sign + encrypt + decrypt, 2 KB body, vs node-rsa in the same run`;
  const budget = `≤ ${GOALS.servifyCryptoMs} ms and ≥ ${GOALS.servifyCryptoSpeedUp}×`;
  if (!crypto) return { section: 'goal', figure, value: 'not measured (Servify adapter missing)', budget, withinBudget: false };
  const speedUp = crypto.nodeRsaMs / crypto.coverkitMs;
  return {
    section: 'goal',
    figure,
    value: milliseconds(crypto.coverkitMs),
    baseline: `node-rsa ${milliseconds(crypto.nodeRsaMs)}`,
    budget,
    ratio: `${times(speedUp)} faster`,
    withinBudget: crypto.coverkitMs <= GOALS.servifyCryptoMs && speedUp >= GOALS.servifyCryptoSpeedUp,
  };
}

export function lighthouseRow(lighthouse: LighthouseFigures | Error): Row {
  const figure = 'Lighthouse 12.2.3 on the demo product page, mobile: performance / accessibility / best practices';
  const { performance, accessibility } = GOALS.lighthouse;
  const budget = `≥ ${performance} / ${accessibility} / ${GOALS.lighthouse['best-practices']}`;
  if (lighthouse instanceof Error)
    return { section: 'goal', figure, value: `not measured: ${lighthouse.message.slice(0, 100)}`, budget, withinBudget: false };
  const { scores } = lighthouse;
  const met = (Object.keys(GOALS.lighthouse) as (keyof typeof GOALS.lighthouse)[]).every((id) => scores[id] >= GOALS.lighthouse[id]);
  return {
    section: 'goal',
    figure,
    value: `${scores.performance} / ${scores.accessibility} / ${scores['best-practices']}`,
    budget,
    ratio: lighthouse.failedAudits.length ? `lost on: ${lighthouse.failedAudits.join(', ')}` : '',
    withinBudget: met,
  };
}

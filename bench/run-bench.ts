/**
 * `npm run bench`: the figures that show Coverkit is fast, each beside its budget or a
 * baseline. Prints a table and writes it to .bench/latest.json. Every phase is bounded
 * by a count or a duration, and a watchdog ends the whole run if something hangs.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { TEST_IMEI } from '../server/src/testing/test-server.ts';
import { startBareHono, startCoverkit, temporaryFolder, type ChildServer } from './child-servers.ts';
import { allProvidersQuoteLoad, apiHeaders, bareHonoLoad, load, orderLoad, quoteLoad, QUOTE_BODY, type LoadFigures } from './http-load.ts';
import { coldLoad, launchChromium, percentile, type PageLoad } from './page-load.ts';
import { loadServifyCrypto, measureServifyCrypto, SERVIFY_ONLY_MERCHANTS } from './servify-crypto.ts';
import { kilobytes, milliseconds, renderTable, times, type Row } from './table.ts';
import { allChunks, GZIP_BUDGET_BYTES, measureFiles, staticImportClosure, wholeFlowClosure, WIDGET_ENTRY } from './widget-size.ts';
import {
  allSandboxesRow,
  cachedQuoteRow,
  lighthouseRow,
  offersVisibleRow,
  residentRow,
  servifyCryptoRow,
  widgetGzipRow,
  wireRow,
} from './goals.ts';
import { runLighthouse } from './lighthouse.ts';
import { fetchOnWire } from './wire.ts';

const COLD_LOADS = 20;
const LOAD_SECONDS = 10;
const WARM_UP_SECONDS = 3;
/** Offered rates for the fixed-rate runs: well under what 2 cores sustain, so errors mean trouble. */
const QUOTE_RATE_PER_SECOND = 20;
const ORDER_RATE_PER_SECOND = 20;
const WATCHDOG_MS = 6 * 60_000;

/** Issue 17's table, in its order; filled as the phases run. */
const goals = new Map<string, Row>();
const GOAL_ORDER = ['page', 'cached', 'sandboxes', 'memory', 'wire', 'gzip', 'servify', 'lighthouse'];
const rows: Row[] = [];
const raw: Record<string, unknown> = {};

function sizeRows() {
  const entry = measureFiles([WIDGET_ENTRY]);
  const firstRender = measureFiles(staticImportClosure());
  const everything = measureFiles(allChunks());
  const wholeFlow = measureFiles(wholeFlowClosure());
  raw.widgetBytes = { entry, firstRender, everything, wholeFlow };
  goals.set('gzip', widgetGzipRow(entry.gzip, wholeFlow.gzip, wholeFlow.files.length));
  const budget = `≤ ${kilobytes(GZIP_BUDGET_BYTES)} gzip`;
  rows.push({
    section: 'widget',
    figure: `script-tag entry (${WIDGET_ENTRY}), gzip / brotli`,
    value: `${kilobytes(entry.gzip)} / ${kilobytes(entry.brotli)}`,
  });
  rows.push({
    section: 'widget',
    figure: `entry + static imports (${firstRender.files.join(', ')}), gzip`,
    value: kilobytes(firstRender.gzip),
    budget,
    withinBudget: firstRender.gzip <= GZIP_BUDGET_BYTES,
  });
  rows.push({
    section: 'widget',
    figure: `every file in dist/widget, pinned copies too (${everything.files.length}), gzip / brotli`,
    value: `${kilobytes(everything.gzip)} / ${kilobytes(everything.brotli)}`,
  });
}

async function pageRows(server: ChildServer) {
  const browser = await launchChromium();
  try {
    const loads: PageLoad[] = [];
    for (let index = 0; index < COLD_LOADS; index++) loads.push(await coldLoad(browser, server.baseUrl));
    raw.pageLoads = loads;
    const visible = loads.map((pageLoad) => pageLoad.offersVisibleMs);
    const worstShift = Math.max(...loads.map((pageLoad) => pageLoad.cumulativeLayoutShift));
    // Every load should fetch the same scripts; the union guards against one that fetched more.
    const scripts = [...new Set(loads.flatMap((pageLoad) => pageLoad.widgetScripts))].sort();
    const loaded = measureFiles(scripts);
    rows.push({
      section: 'widget',
      figure: `JS loaded until offers visible (${scripts.join(', ')}), gzip`,
      value: kilobytes(loaded.gzip),
      budget: `≤ ${kilobytes(GZIP_BUDGET_BYTES)} gzip`,
      withinBudget: loaded.gzip <= GZIP_BUDGET_BYTES,
    });
    const quoteAnswered = loads.map((pageLoad) => pageLoad.quoteAnsweredMs);
    goals.set('page', offersVisibleRow(percentile(visible, 0.5), percentile(quoteAnswered, 0.5), COLD_LOADS));
    rows.push({ section: 'page', figure: `navigation → offers visible, p95`, value: milliseconds(percentile(visible, 0.95)) });
    const median = (pick: (pageLoad: PageLoad) => number) => milliseconds(percentile(loads.map(pick), 0.5));
    rows.push({
      section: 'page',
      figure: 'of which, medians: widget script downloaded / quote answered',
      value: `${median((pageLoad) => pageLoad.widgetScriptLoadedMs)} / ${median((pageLoad) => pageLoad.quoteAnsweredMs)}`,
    });
    rows.push({
      section: 'page',
      figure: 'cumulative layout shift until offers (worst load)',
      value: worstShift.toFixed(3),
      budget: '0',
      withinBudget: worstShift === 0,
    });
  } finally {
    await browser.close();
  }
}

function loadRow(figure: string, result: LoadFigures, baseline?: LoadFigures): Row {
  return {
    section: 'server',
    figure,
    value: `${result.requestsPerSecond} req/s, p50 ${result.latencyP50Ms} ms, p99 ${result.latencyP99Ms} ms`,
    ...(baseline && {
      baseline: `${baseline.requestsPerSecond} req/s, p50 ${baseline.latencyP50Ms} ms, p99 ${baseline.latencyP99Ms} ms`,
      ratio: `${times(baseline.requestsPerSecond / Math.max(1, result.requestsPerSecond))} fewer req/s`,
    }),
  };
}

function fixedRateRow(figure: string, result: LoadFigures): Row {
  const failed = result.errors + result.non2xx;
  return {
    section: 'server',
    figure,
    value: `${result.requests} sent, ${result.errors} errors, ${result.non2xx} non-2xx, p50 ${result.latencyP50Ms} ms, p99 ${result.latencyP99Ms} ms`,
    budget: '0 errors, 0 non-2xx',
    withinBudget: failed === 0,
  };
}

async function serverRows(server: ChildServer) {
  const quotes = await quoteLoad(server.baseUrl, { duration: LOAD_SECONDS });
  const rateLimitedBefore = server.rateLimitedLines();
  const allProviders = await allProvidersQuoteLoad(server.baseUrl, { duration: LOAD_SECONDS });
  const provider429s = server.rateLimitedLines() - rateLimitedBefore;
  const bare = await startBareHono();
  let bareHono: LoadFigures;
  try {
    // Warmed up like the Coverkit server, so the ratio compares steady states.
    await bareHonoLoad(bare.baseUrl, { duration: WARM_UP_SECONDS });
    bareHono = await bareHonoLoad(bare.baseUrl, { duration: LOAD_SECONDS });
  } finally {
    await bare.stop();
  }
  const quotesAtRate = await quoteLoad(server.baseUrl, { duration: LOAD_SECONDS, overallRate: QUOTE_RATE_PER_SECOND });
  const ordersAtRate = await orderLoad(server.baseUrl, { duration: LOAD_SECONDS, overallRate: ORDER_RATE_PER_SECOND });
  raw.server = { quotes, allProviders, provider429s, bareHono, quotesAtRate, ordersAtRate };
  goals.set('cached', cachedQuoteRow(quotes, bareHono));
  goals.set('sandboxes', allSandboxesRow(allProviders, provider429s));
  rows.push(
    loadRow(`POST /v1/quotes, cached BigFix premiums, 10 connections, ${LOAD_SECONDS} s (baseline: bare Hono route)`, quotes, bareHono),
  );
  rows.push(loadRow(`POST /v1/quotes, a new IN or NG device with IMEI each, 10 connections, ${LOAD_SECONDS} s`, allProviders));
  const answers = Object.entries(allProviders.unavailable)
    .sort(([, left], [, right]) => right - left)
    .map(([key, count]) => `${key} ${count}`);
  rows.push({
    section: 'server',
    figure: 'of which: offers, and unavailable answers by provider and code',
    value: `${allProviders.offers} offers; ${answers.join(', ')}`,
  });
  rows.push(fixedRateRow(`POST /v1/quotes at ${QUOTE_RATE_PER_SECOND} req/s for ${LOAD_SECONDS} s`, quotesAtRate));
  rows.push(fixedRateRow(`POST /v1/orders at ${ORDER_RATE_PER_SECOND} req/s for ${LOAD_SECONDS} s`, ordersAtRate));
}

async function wireRows(server: ChildServer) {
  const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
  const unpinned = await fetchOnWire(server.baseUrl, '/widget/coverkit.js');
  const pinned = await fetchOnWire(server.baseUrl, `/widget/coverkit-${version}.js`);
  raw.wire = { unpinned, pinned };
  goals.set('wire', wireRow(unpinned, pinned));
}

async function lighthouseRows(server: ChildServer) {
  const started = performance.now();
  const figures = await runLighthouse(`${server.baseUrl}/product.html?sku=galaxy-s23`).catch((error: unknown) =>
    error instanceof Error ? error : new Error(String(error)),
  );
  raw.lighthouse =
    figures instanceof Error ? { error: figures.message } : { ...figures, seconds: Math.round((performance.now() - started) / 1000) };
  goals.set('lighthouse', lighthouseRow(figures));
  if (!(figures instanceof Error))
    rows.push({
      section: 'page',
      figure: 'Lighthouse (simulated mobile): largest contentful paint / total blocking time',
      value: `${milliseconds(figures.largestContentfulPaintMs)} / ${milliseconds(figures.totalBlockingTimeMs)}`,
    });
}

// SERVIFY SECTION — see bench/servify-crypto.ts; skipped until the Servify adapter is merged.
async function servifyRows() {
  const servify = await loadServifyCrypto();
  if (!servify) {
    rows.push({ section: 'servify', figure: 'crypto and quote path', value: 'skipped: Servify not merged yet' });
    goals.set('servify', servifyCryptoRow(undefined));
    return;
  }
  const crypto = await measureServifyCrypto(servify);
  goals.set('servify', servifyCryptoRow(crypto));
  rows.push({
    section: 'servify',
    figure: `sign + encrypt + decrypt, ${kilobytes(crypto.bodyBytes)} body, RSA-2048, node:crypto KeyObjects (baseline: node-rsa)`,
    value: milliseconds(crypto.coverkitMs),
    baseline: milliseconds(crypto.nodeRsaMs),
    ratio: `${times(crypto.nodeRsaMs / crypto.coverkitMs)} faster`,
  });
  const merchantsFile = `${temporaryFolder()}/merchants.json`;
  const server = await startCoverkit((port) => {
    const merchants = SERVIFY_ONLY_MERCHANTS.map((merchant) => ({ ...merchant, allowedOrigins: [`http://127.0.0.1:${port}`] }));
    writeFileSync(merchantsFile, JSON.stringify(merchants));
    return { COVERKIT_MERCHANTS_FILE: merchantsFile };
  });
  try {
    const key = SERVIFY_ONLY_MERCHANTS[0]!.publishableKey;
    const body = JSON.stringify({ ...JSON.parse(QUOTE_BODY), device: { ...JSON.parse(QUOTE_BODY).device, imei: TEST_IMEI } });
    const options = { url: `${server.baseUrl}/v1/quotes`, method: 'POST', headers: apiHeaders(server.baseUrl, key), body };
    // A load of empty answers would measure nothing: make sure Servify really quotes here.
    const probe = (await (await fetch(options.url, options)).json()) as { offers?: { provider: string }[] };
    if (!probe.offers?.some((offer) => offer.provider === 'servify')) {
      rows.push({
        section: 'servify',
        figure: 'Servify-only POST /v1/quotes',
        value: `skipped: no Servify offer (${JSON.stringify(probe).slice(0, 120)})`,
      });
      return;
    }
    await load({ ...options, duration: WARM_UP_SECONDS });
    const quotes = await load({ ...options, duration: LOAD_SECONDS });
    raw.servify = { crypto, quotes };
    rows.push({ ...loadRow(`Servify-only POST /v1/quotes, ${LOAD_SECONDS} s`, quotes), section: 'servify' });
  } finally {
    await server.stop();
  }
}

async function main() {
  const watchdog = setTimeout(() => {
    console.error(`bench: still running after ${WATCHDOG_MS / 1000} s, giving up`);
    process.exit(1);
  }, WATCHDOG_MS);
  watchdog.unref();
  const started = performance.now();

  sizeRows();
  const server = await startCoverkit();
  try {
    const idleResident = server.residentBytes();
    // The first requests compile the TypeScript and warm the JIT: not what a running server costs.
    await quoteLoad(server.baseUrl, { duration: WARM_UP_SECONDS });
    await wireRows(server);
    await pageRows(server);
    await serverRows(server);
    const loadedResident = server.residentBytes();
    raw.memory = { idleResident, loadedResident };
    goals.set('memory', residentRow(idleResident, loadedResident));
    // After the load (its budgets spent, its memory measured): the page as a shopper finds it then.
    await lighthouseRows(server);
  } finally {
    await server.stop();
  }
  await servifyRows();
  const goalRows = GOAL_ORDER.map((key) => goals.get(key) ?? { section: 'goal', figure: key, value: 'not measured', withinBudget: false });

  const seconds = Math.round((performance.now() - started) / 1000);
  const machine = `${os.cpus().length} × ${os.cpus()[0]?.model.trim()}, Node ${process.version}`;
  const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
  console.log(`\nCoverkit bench — ${machine}, commit ${commit}, ${seconds} s\n`);
  console.log(`Issue 17's goals:\n\n${renderTable(goalRows)}\n\nDetails:\n\n${renderTable(rows)}`);
  mkdirSync('.bench', { recursive: true });
  const report = { date: new Date().toISOString(), commit, machine, seconds, goals: goalRows, rows, raw };
  writeFileSync('.bench/latest.json', JSON.stringify(report, null, 2));
  console.log('\nwritten to .bench/latest.json');
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

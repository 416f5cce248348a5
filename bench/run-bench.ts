/**
 * `npm run bench`: the figures that show Coverkit is fast, each beside its budget or a
 * baseline. Prints a table and writes it to .bench/latest.json. Every phase is bounded
 * by a count or a duration, and a watchdog ends the whole run if something hangs.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { TEST_IMEI } from '../server/src/testing/test-server.ts';
import { startBareHono, startCoverkit, temporaryFolder, type ChildServer } from './child-servers.ts';
import { allProvidersQuoteLoad, apiHeaders, bareHonoLoad, load, orderLoad, quoteLoad, QUOTE_BODY, type LoadFigures } from './http-load.ts';
import { coldLoad, launchChromium, percentile, type PageLoad } from './page-load.ts';
import { loadServifyCrypto, measureServifyCrypto, SERVIFY_ONLY_MERCHANTS } from './servify-crypto.ts';
import { kilobytes, megabytes, milliseconds, renderTable, times, type Row } from './table.ts';
import { allChunks, GZIP_BUDGET_BYTES, measureFiles, staticImportClosure, WIDGET_ENTRY } from './widget-size.ts';

const COLD_LOADS = 20;
const LOAD_SECONDS = 10;
const WARM_UP_SECONDS = 3;
/** Offered rates for the fixed-rate runs: well under what 2 cores sustain, so errors mean trouble. */
const QUOTE_RATE_PER_SECOND = 20;
const ORDER_RATE_PER_SECOND = 20;
const WATCHDOG_MS = 4 * 60_000;

const rows: Row[] = [];
const raw: Record<string, unknown> = {};

function sizeRows() {
  const entry = measureFiles([WIDGET_ENTRY]);
  const firstRender = measureFiles(staticImportClosure());
  const everything = measureFiles(allChunks());
  raw.widgetBytes = { entry, firstRender, everything };
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
    figure: `whole flow, all chunks (${everything.files.length}), gzip / brotli`,
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
    rows.push({
      section: 'page',
      figure: `navigation → offers visible, median of ${COLD_LOADS} cold loads`,
      value: milliseconds(percentile(visible, 0.5)),
    });
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
  const allProviders = await allProvidersQuoteLoad(server.baseUrl, { duration: LOAD_SECONDS });
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
  raw.server = { quotes, allProviders, bareHono, quotesAtRate, ordersAtRate };
  rows.push(
    loadRow(`POST /v1/quotes, cached BigFix premiums, 10 connections, ${LOAD_SECONDS} s (baseline: bare Hono route)`, quotes, bareHono),
  );
  rows.push(
    loadRow(
      `POST /v1/quotes reaching all four sandboxes (IN and NG phones with IMEI), 10 connections, ${LOAD_SECONDS} s`,
      allProviders,
      bareHono,
    ),
  );
  rows.push(fixedRateRow(`POST /v1/quotes at ${QUOTE_RATE_PER_SECOND} req/s for ${LOAD_SECONDS} s`, quotesAtRate));
  rows.push(fixedRateRow(`POST /v1/orders at ${ORDER_RATE_PER_SECOND} req/s for ${LOAD_SECONDS} s`, ordersAtRate));
}

// SERVIFY SECTION — see bench/servify-crypto.ts; skipped until the Servify adapter is merged.
async function servifyRows() {
  const servify = await loadServifyCrypto();
  if (!servify) {
    rows.push({ section: 'servify', figure: 'crypto and quote path', value: 'skipped: Servify not merged yet' });
    return;
  }
  const crypto = await measureServifyCrypto(servify);
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
    await pageRows(server);
    await serverRows(server);
    const loadedResident = server.residentBytes();
    raw.memory = { idleResident, loadedResident };
    rows.push({
      section: 'memory',
      figure: 'server RSS at start → after the load (ps)',
      value: `${megabytes(idleResident)} → ${megabytes(loadedResident)}`,
    });
  } finally {
    await server.stop();
  }
  await servifyRows();

  const seconds = Math.round((performance.now() - started) / 1000);
  const machine = `${os.cpus().length} × ${os.cpus()[0]?.model.trim()}, Node ${process.version}`;
  const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
  console.log(`\nCoverkit bench — ${machine}, commit ${commit}, ${seconds} s\n`);
  console.log(renderTable(rows));
  mkdirSync('.bench', { recursive: true });
  writeFileSync('.bench/latest.json', JSON.stringify({ date: new Date().toISOString(), commit, machine, seconds, rows, raw }, null, 2));
  console.log('\nwritten to .bench/latest.json');
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

/**
 * `npm run bench`: the figures that show Coverkit is fast, each beside its budget or a
 * baseline. Prints a table and writes it to .bench/latest.json. Every phase is bounded
 * by a count or a duration, and a watchdog ends the whole run if something hangs.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { startCoverkit, type ChildServer } from './child-servers.ts';
import { lighthouseRow, offersVisibleRow, residentRow, widgetGzipRow, wireRow } from './goals.ts';
import { quoteLoad } from './http-load.ts';
import { runLighthouse } from './lighthouse.ts';
import { coldLoad, launchChromium, percentile, type PageLoad } from './page-load.ts';
import { GOAL_ORDER, goals, raw, rows, WARM_UP_SECONDS } from './report.ts';
import { serverRows, servifyRows } from './server-rows.ts';
import { kilobytes, milliseconds, renderTable, type Row } from './table.ts';
import { allChunks, GZIP_BUDGET_BYTES, measureFiles, staticImportClosure, wholeFlowClosure, WIDGET_ENTRY } from './widget-size.ts';
import { fetchOnWire } from './wire.ts';

const COLD_LOADS = 20;
const WATCHDOG_MS = 6 * 60_000;

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
  const goalRows: Row[] = GOAL_ORDER.map(
    (key) => goals.get(key) ?? { section: 'goal', figure: key, value: 'not measured', withinBudget: false },
  );

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

/**
 * The server phases of the bench: cached quotes beside a bare Hono route, quotes that reach
 * every sandbox, fixed-rate quotes and orders, and Servify's crypto and quote path.
 */
import { writeFileSync } from 'node:fs';
import { TEST_IMEI } from '../server/src/testing/test-server.ts';
import { startBareHono, startCoverkit, temporaryFolder, type ChildServer } from './child-servers.ts';
import { allSandboxesRow, cachedQuoteRow, servifyCryptoRow } from './goals.ts';
import { allProvidersQuoteLoad, apiHeaders, bareHonoLoad, load, orderLoad, quoteLoad, QUOTE_BODY, type LoadFigures } from './http-load.ts';
import { goals, LOAD_SECONDS, raw, rows, WARM_UP_SECONDS } from './report.ts';
import { loadServifyCrypto, measureServifyCrypto, SERVIFY_ONLY_MERCHANTS } from './servify-crypto.ts';
import { kilobytes, milliseconds, times, type Row } from './table.ts';

/** Offered rates for the fixed-rate runs: well under what 2 cores sustain, so errors mean trouble. */
const QUOTE_RATE_PER_SECOND = 20;
const ORDER_RATE_PER_SECOND = 20;

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

export async function serverRows(server: ChildServer) {
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

// SERVIFY SECTION — see bench/servify-crypto.ts; skipped until the Servify adapter is merged.
export async function servifyRows() {
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

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { QuoteResponse } from '../../../contract/types.ts';
import { galaxyS23, startTestServer, TEST_IMEI, type TestServer } from '../testing/test-server.ts';
import { QUOTE_STREAM_TYPE, wantsStream } from './quotes.ts';

const DELAY_MS = 1500;

/** POSTs the quote asking for the stream; each line with the time it arrived (ms after sending). */
async function streamedQuote(server: TestServer, body: unknown) {
  const sent = performance.now();
  const response = await fetch(`${server.baseUrl}/v1/quotes`, {
    method: 'POST',
    headers: { Authorization: 'Bearer pk_test_demo', Origin: server.origin, 'Content-Type': 'application/json', Accept: QUOTE_STREAM_TYPE },
    body: JSON.stringify(body),
  });
  const lines: { at: number; part: QuoteResponse }[] = [];
  let pending = '';
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  for (let next = await reader.read(); !next.done; next = await reader.read()) {
    const chunk = next.value;
    const parts = (pending + chunk).split('\n');
    pending = parts.pop()!;
    for (const line of parts) lines.push({ at: performance.now() - sent, part: JSON.parse(line) as QuoteResponse });
  }
  assert.equal(pending, '', 'the stream ends with a newline');
  return { response, lines };
}

const providersOf = (part: QuoteResponse) => new Set([...part.offers, ...part.unavailable].map((entry) => entry.provider));
const summary = (response: QuoteResponse) => response.offers.map((offer) => `${offer.provider} ${offer.name} ${offer.price.amount}`).sort();

describe('POST /v1/quotes streamed (Accept: application/x-ndjson)', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
  });
  after(() => server.close());

  it('tells the streamed form from plain JSON by the Accept header', () => {
    assert.equal(wantsStream('application/x-ndjson, application/json'), true);
    assert.equal(wantsStream('application/json;q=1, application/x-ndjson;q=0.9'), true);
    assert.equal(wantsStream('application/json'), false);
    assert.equal(wantsStream(undefined), false);
  });

  it('writes each provider’s answer as soon as it has it, a slow provider last, and the lines add up to the JSON answer', async () => {
    const body = { device: { ...galaxyS23, imei: TEST_IMEI }, country: 'IN' };
    server.faults.add({ provider: 'assurify', pathPrefix: '/', fault: { kind: 'delay', ms: DELAY_MS } });
    try {
      const { response, lines } = await streamedQuote(server, body);
      assert.equal(response.status, 200);
      assert.equal(response.headers.get('Content-Type'), QUOTE_STREAM_TYPE);
      assert.ok(response.headers.get('X-Request-Id'), 'the request id is sent before the first line');
      const linesByProvider = lines.map(({ part }) => [...providersOf(part)]);
      assert.ok(
        linesByProvider.every((providers) => providers.length === 1),
        'one provider per line',
      );
      const order = linesByProvider.map(([provider]) => provider);
      assert.deepEqual(
        [...order].sort(),
        ['assurify', 'bigfix', 'octamile', 'servify'],
        'each provider once (Octamile to say it does not serve India)',
      );
      assert.equal(order.at(-1), 'assurify', 'the delayed provider comes last');
      // Octamile says at once that it does not serve India; BigFix's offers come before Assurify's delay ends.
      const firstOffers = lines.find(({ part }) => part.offers.length > 0)!;
      const last = lines.at(-1)!;
      assert.ok(
        last.at - firstOffers.at >= DELAY_MS / 2,
        `the first offers came ${Math.round(firstOffers.at)} ms, the last line ${Math.round(last.at)} ms after sending`,
      );
      for (const { part } of lines) {
        const prices = part.offers.map((offer) => offer.price.amount);
        assert.deepEqual(
          prices,
          [...prices].sort((left, right) => left - right),
          'cheapest first within a provider',
        );
      }

      // Answered from the quote cache now: the same offers, all at once.
      const json = (await (
        await fetch(`${server.baseUrl}/v1/quotes`, {
          method: 'POST',
          headers: { Authorization: 'Bearer pk_test_demo', Origin: server.origin, 'Content-Type': 'application/json' },
          body: JSON.stringify(body),
        })
      ).json()) as QuoteResponse;
      const merged: QuoteResponse = {
        offers: lines.flatMap(({ part }) => part.offers),
        unavailable: lines.flatMap(({ part }) => part.unavailable),
      };
      assert.deepEqual(summary(merged), summary(json));
      assert.equal(merged.unavailable.length, json.unavailable.length);
    } finally {
      server.faults.clear();
    }
  });

  it('refuses a bad body before streaming anything, with the usual error envelope', async () => {
    const answer = await fetch(`${server.baseUrl}/v1/quotes`, {
      method: 'POST',
      headers: {
        Authorization: 'Bearer pk_test_demo',
        Origin: server.origin,
        'Content-Type': 'application/json',
        Accept: QUOTE_STREAM_TYPE,
      },
      body: JSON.stringify({ device: { ...galaxyS23, price: -1 }, country: 'IN' }),
    });
    assert.equal(answer.status, 400);
    assert.match(answer.headers.get('Content-Type') ?? '', /application\/json/);
    const error = (await answer.json()) as { error: { fields: { path: string }[] } };
    assert.ok(error.error.fields.some((field) => field.path === 'device.price'));
  });
});

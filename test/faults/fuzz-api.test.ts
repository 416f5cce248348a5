/**
 * Property-based tests over the /v1 schemas and the idempotency state machine. Each
 * property runs a fixed number of generated cases (printed in the test names).
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { passesLuhn, quoteRequestSchema } from '../../contract/schemas.ts';
import { createFieldCipher } from '../../server/src/store/field-cipher.ts';
import { openSqliteStore } from '../../server/src/store/sqlite-store.ts';
import type { IdempotencyBegin, Store } from '../../server/src/store/types.ts';
import { apiClient, galaxyS23, startTestServer, type TestServer } from '../../server/src/testing/test-server.ts';

const HTTP_CASES = 300;
const MODEL_RUNS = 100;

const validDevice = fc.record({
  category: fc.constantFrom('Mobile', 'Laptop', 'Tablet'),
  brand: fc.string({ minLength: 1, maxLength: 60 }).filter((value) => value.trim().length > 0),
  model: fc.string({ minLength: 1, maxLength: 80 }).filter((value) => value.trim().length > 0),
  price: fc.integer({ min: 1, max: 10_000_000 }).map((cents) => cents / 100),
  currency: fc.constantFrom('INR', 'NGN', 'USD'),
});

describe('schema properties', () => {
  it('accepts every well-formed quote request (1000 cases)', () => {
    fc.assert(
      fc.property(
        validDevice,
        fc.constantFrom('IN', 'NG', 'US'),
        (device, country) => quoteRequestSchema.safeParse({ device, country }).success,
      ),
      { numRuns: 1000 },
    );
  });

  it('names the unknown field in every request with an extra key (1000 cases)', () => {
    const extraKey = fc.string({ minLength: 1, maxLength: 20 }).filter((key) => !['device', 'country'].includes(key));
    fc.assert(
      fc.property(validDevice, extraKey, fc.jsonValue(), (device, key, value) => {
        const body = JSON.parse(JSON.stringify({ device, country: 'IN' }));
        // Define the key as data, so "__proto__" is an own property as it is after JSON.parse.
        Object.defineProperty(body, key, { value, enumerable: true, configurable: true, writable: true });
        const result = quoteRequestSchema.safeParse(body);
        return !result.success && result.error.issues.some((issue) => issue.code === 'unrecognized_keys');
      }),
      { numRuns: 1000 },
    );
  });

  it('has exactly one Luhn check digit for any 14 digits (1000 cases)', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^\d{14}$/),
        (body) => Array.from({ length: 10 }, (_, digit) => passesLuhn(`${body}${digit}`)).filter(Boolean).length === 1,
      ),
      { numRuns: 1000 },
    );
  });
});

describe('the API under generated bodies', () => {
  let server: TestServer;
  before(async () => (server = await startTestServer({ COVERKIT_RATE_LIMIT_PER_MINUTE: '1000000' })));
  after(() => server.close());

  it(`never answers 5xx, and always with the error envelope (${HTTP_CASES} cases per route)`, async () => {
    const browser = apiClient(server);
    for (const route of ['/v1/quotes', '/v1/orders']) {
      await fc.assert(
        fc.asyncProperty(
          fc.oneof(
            fc.jsonValue(),
            fc.record({ device: fc.jsonValue(), country: fc.jsonValue() }),
            fc.record({ offerId: fc.string(), customer: fc.jsonValue() }),
          ),
          async (body) => {
            const response = await browser('POST', route, body, { 'Idempotency-Key': randomBytes(8).toString('hex') });
            assert.ok(response.status < 500, `${route} answered ${response.status}: ${response.text.slice(0, 200)}`);
            if (response.status >= 400) assert.match(response.json.error.requestId, /.+/);
          },
        ),
        { numRuns: HTTP_CASES },
      );
    }
  });

  it('treats a "__proto__" key as an unknown field, and pollutes nothing', async () => {
    const response = await fetch(`${server.baseUrl}/v1/quotes`, {
      method: 'POST',
      headers: { Authorization: 'Bearer pk_test_demo', Origin: server.origin, 'Content-Type': 'application/json' },
      body: `{"device": ${JSON.stringify(galaxyS23)}, "country": "IN", "__proto__": {"polluted": true}}`,
    });
    assert.equal(response.status, 400);
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
  });

  it('refuses a chunked body over the limit with 413', async () => {
    const chunks = new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"device": "'));
        for (let index = 0; index < 100; index++) controller.enqueue(new TextEncoder().encode('x'.repeat(1024)));
        controller.enqueue(new TextEncoder().encode('"}'));
        controller.close();
      },
    });
    const response = await fetch(`${server.baseUrl}/v1/quotes`, {
      method: 'POST',
      headers: { Authorization: 'Bearer pk_test_demo', Origin: server.origin, 'Content-Type': 'application/json' },
      body: chunks,
      duplex: 'half',
    } as RequestInit);
    assert.equal(response.status, 413);
  });

  it('sends secure headers on the API', async () => {
    const response = await fetch(`${server.baseUrl}/v1/health`);
    assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(response.headers.get('x-frame-options'), 'SAMEORIGIN');
    assert.ok(response.headers.get('strict-transport-security'));
    assert.match(response.headers.get('x-request-id') ?? '', /.+/);
  });
});

describe('idempotency state machine (model-based)', () => {
  const folder = mkdtempSync(path.join(tmpdir(), 'coverkit-model-'));
  let store: Store;
  before(() => (store = openSqliteStore(folder, createFieldCipher(randomBytes(32)))));
  after(async () => {
    await store.close();
    rmSync(folder, { recursive: true, force: true });
  });

  type Model = Map<string, { hash: string; response: { status: number; body: string } | null; claimedAt: Date }>;
  let run = 0;

  it(`agrees with a simple model over random command sequences (${MODEL_RUNS} runs)`, async () => {
    const key = fc.constantFrom('a', 'b', 'c');
    const hash = fc.constantFrom('h1', 'h2');
    const command = fc.oneof(
      fc.record({ kind: fc.constant('begin' as const), key, hash }),
      fc.record({ kind: fc.constant('complete' as const), key, status: fc.constantFrom(200, 201, 422) }),
      fc.record({ kind: fc.constant('abandon' as const), key }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(command, { maxLength: 30 }), async (commands) => {
        run += 1;
        const model: Model = new Map();
        const scope = (name: string) => ({ merchantId: 'default', route: `model-${run}`, key: name });
        for (const step of commands) {
          if (step.kind === 'begin') {
            const now = new Date();
            const actual = await store.beginIdempotent(scope(step.key), step.hash, now);
            const record = model.get(step.key);
            let expected: IdempotencyBegin;
            if (!record) ((expected = { state: 'started' }), model.set(step.key, { hash: step.hash, response: null, claimedAt: now }));
            else if (record.hash !== step.hash) expected = { state: 'mismatch' };
            else if (!record.response) expected = { state: 'in_flight', claimedAt: record.claimedAt };
            else expected = { state: 'completed', ...record.response };
            assert.deepEqual(actual, expected);
          } else if (step.kind === 'complete') {
            const record = model.get(step.key);
            if (!record || record.response) continue; // only the claimant completes, once
            await store.completeIdempotent(scope(step.key), step.status, `{"s":${step.status}}`);
            record.response = { status: step.status, body: `{"s":${step.status}}` };
          } else {
            await store.abandonIdempotent(scope(step.key));
            if (model.get(step.key)?.response === null) model.delete(step.key);
          }
        }
      }),
      { numRuns: MODEL_RUNS },
    );
  });
});

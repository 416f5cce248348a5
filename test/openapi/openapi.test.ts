/**
 * The OpenAPI document is one an integrator can rely on: Redocly's recommended rules pass
 * with no warning, the openapi-typescript types in v1.d.ts are current and compile, and a
 * client built on them (openapi-fetch) gets real answers of every operation, successes and
 * error envelopes, that validate against the document (ajv).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import createClient, { type Middleware } from 'openapi-fetch';
import { ASSURIFY_SANDBOX_WEBHOOK_SECRET } from '../../server/src/providers/assurify/assurify-config.ts';
import { signAssurifyPayload } from '../../server/src/providers/assurify/assurify-signature.ts';
import { buildOpenApiDocument } from '../../server/src/routes/openapi.ts';
import { asha, galaxyS23, startTestServer, TEST_IMEI, type TestServer } from '../../server/src/testing/test-server.ts';
import { generateTypes, typesFile } from './openapi-types.ts';
import { createSpecValidator } from './spec-validator.ts';
import type { components, paths } from './v1.d.ts';

const root = path.join(import.meta.dirname, '../..');
const SERVIFY_IMEI = '356938035643809';
const tecno = { category: 'Mobile', brand: 'Tecno', model: 'Camon 20 Pro', price: 350000, currency: 'NGN', imei: TEST_IMEI };

type Order = components['schemas']['Order'];

describe('/v1/openapi.json', () => {
  const document = JSON.parse(JSON.stringify(buildOpenApiDocument()));

  it("passes Redocly's recommended rules with no error and no warning", () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'coverkit-openapi-'));
    try {
      const file = path.join(folder, 'openapi.json');
      writeFileSync(file, JSON.stringify(document, null, 2));
      const lint = spawnSync(
        path.join(root, 'node_modules/.bin/redocly'),
        ['lint', '--extends', 'recommended', '--format', 'stylish', file],
        {
          encoding: 'utf8',
          env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', NO_COLOR: '1' },
        },
      );
      const output = `${lint.stdout}\n${lint.stderr}`;
      assert.equal(lint.status, 0, output);
      assert.doesNotMatch(output, /^\s*\d+:\d+\s+(error|warning)\s|Validation failed|\d+ warnings?/m, output);
      assert.match(output, /Your API description is valid/);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('has an operationId, a tag, a summary and a 4xx answer on every operation, and money in cents', () => {
    for (const [route, item] of Object.entries(document.paths as Record<string, Record<string, Record<string, unknown>>>)) {
      for (const [method, operation] of Object.entries(item)) {
        assert.ok(operation.operationId && operation.summary && (operation.tags as string[]).length, `${method} ${route}`);
        assert.ok(
          Object.keys(operation.responses as object).some((status) => status.startsWith('4')),
          `${method} ${route} lists an error`,
        );
      }
    }
    assert.equal(document.components.schemas.Money.properties.amount.multipleOf, 0.01);
    assert.equal(document.components.schemas.QuoteRequest.properties.device.properties.price.multipleOf, 0.01);
    assert.ok(document.components.schemas.Error.properties.error.properties.code.enum.includes('origin_not_allowed'));
    assert.deepEqual(document.paths['/v1/orders/{id}/confirm'].post.security, [{ secretKey: [] }]);
  });

  it('v1.d.ts is what openapi-typescript generates now (npm run api:types)', async () => {
    assert.equal(readFileSync(typesFile, 'utf8'), await generateTypes(), 'run npm run api:types');
  });

  it('compiles the generated types and this typed client', () => {
    const tsc = spawnSync(
      path.join(root, 'node_modules/.bin/tsc'),
      [
        '--noEmit',
        '--strict',
        '--skipLibCheck',
        '--target',
        'ES2022',
        '--module',
        'ESNext',
        '--moduleResolution',
        'Bundler',
        '--allowImportingTsExtensions',
        '--types',
        'node',
        typesFile,
        path.join(import.meta.dirname, 'typed-client.ts'),
      ],
      { encoding: 'utf8', cwd: root },
    );
    assert.equal(tsc.status, 0, tsc.stdout + tsc.stderr);
  });
});

describe('real /v1 answers hold to the document', () => {
  let server: TestServer;
  const validator = createSpecValidator(JSON.parse(JSON.stringify(buildOpenApiDocument())));
  const validating: Middleware = {
    async onResponse({ request, response, schemaPath }) {
      const json = (response.headers.get('content-type') ?? '').includes('application/json');
      validator.check(request.method, schemaPath, {
        status: response.status,
        headers: response.headers,
        body: json ? await response.clone().json() : undefined,
      });
    },
  };
  const clientFor = (headers: Record<string, string>) => {
    const client = createClient<paths>({ baseUrl: server.baseUrl, headers });
    client.use(validating);
    return client;
  };
  let browser: ReturnType<typeof clientFor>;
  let merchant: ReturnType<typeof clientFor>;
  let anonymous: ReturnType<typeof clientFor>;

  before(async () => {
    server = await startTestServer({
      OCTAMILE_SANDBOX_REVIEW_DELAY_MS: '300',
      COVERKIT_ACTIVATION_VIDEO_MAX_BYTES: '200000',
      COVERKIT_RATE_LIMIT_PER_MINUTE: '6000',
    });
    browser = clientFor({ Authorization: 'Bearer pk_test_demo', Origin: server.origin });
    merchant = clientFor({ Authorization: 'Bearer sk_test_demo' });
    anonymous = clientFor({});
  });
  after(() => server.close());

  async function buy(device: typeof galaxyS23 & { imei?: string }, country: string, provider: string, key: string) {
    const quote = await browser.POST('/v1/quotes', { body: { device, country } });
    const offer = quote.data?.offers.find((candidate) => candidate.provider === provider);
    assert.ok(offer, `${provider} offer: ${JSON.stringify(quote.data ?? quote.error)}`);
    const customer = country === 'NG' ? { name: 'Folake Arinze', email: 'folake@example.com', phone: '+2347010001234' } : asha;
    const created = await browser.POST('/v1/orders', {
      params: { header: { 'Idempotency-Key': `create-${key}` } },
      body: { offerId: offer.offerId, device: { imei: device.imei ?? TEST_IMEI, brandWarrantyYears: 1 }, customer },
    });
    assert.ok(created.data, JSON.stringify(created.error));
    return created.data.order as Order & { clientSecret: string };
  }

  const confirm = (order: Order, key: string) =>
    merchant.POST('/v1/orders/{id}/confirm', {
      params: { path: { id: order.id }, header: { 'Idempotency-Key': `confirm-${key}` } },
      body: { paymentReference: `pay_${key}` },
    });

  it('health, the document itself and the catalog', async () => {
    assert.equal((await anonymous.GET('/v1/health')).data?.status, 'ok');
    assert.equal((await anonymous.GET('/v1/openapi.json')).response.status, 200);
    const page = await anonymous.GET('/v1/docs', { parseAs: 'text' });
    assert.match(page.data ?? '', /<h3><span class="method post">POST<\/span> <code>\/v1\/orders\/\{id\}\/confirm<\/code><\/h3>/);
    assert.match(page.data ?? '', /id="schema-Order"/);
    assert.doesNotMatch(page.data ?? '', /<script|https?:\/\/(?!localhost)[^"]*\.js/);
    assert.ok((await browser.GET('/v1/catalog')).data?.categories.includes('Mobile'));
    assert.equal((await anonymous.GET('/v1/catalog')).error?.error.code, 'missing_key');
  });

  it('quotes, and refuses bad input, keys, origins, media types and sizes with the envelope', async () => {
    const quote = await browser.POST('/v1/quotes', { body: { device: { ...galaxyS23, imei: SERVIFY_IMEI }, country: 'IN' } });
    assert.ok(quote.data && quote.data.offers.length > 0 && quote.data.unavailable.length > 0);

    const cents = await browser.POST('/v1/quotes', { body: { device: { ...galaxyS23, price: 0.001 }, country: 'IN' } });
    assert.equal(cents.error?.error.code, 'invalid_request');
    assert.deepEqual(
      cents.error?.error.fields?.map((field) => field.path),
      ['device.price'],
    );

    const badKey = await clientFor({ Authorization: 'Bearer pk_test_nope', Origin: server.origin }).POST('/v1/quotes', {
      body: { device: galaxyS23, country: 'IN' },
    });
    assert.equal(badKey.error?.error.code, 'invalid_key');
    const elsewhere = await clientFor({ Authorization: 'Bearer pk_test_demo', Origin: 'https://elsewhere.example' }).POST('/v1/quotes', {
      body: { device: galaxyS23, country: 'IN' },
    });
    assert.equal(elsewhere.error?.error.code, 'origin_not_allowed');
    const text = await browser.POST('/v1/quotes', {
      body: { device: galaxyS23, country: 'IN' },
      bodySerializer: (body) => JSON.stringify(body),
      headers: { 'Content-Type': 'text/plain' },
    });
    assert.equal(text.response.status, 415);
    const huge = await browser.POST('/v1/quotes', { body: { device: { ...galaxyS23, model: 'x'.repeat(70_000) }, country: 'IN' } });
    assert.equal(huge.error?.error.code, 'payload_too_large');
  });

  it('creates, replays, confirms, reads, cancels orders and serves certificates', async () => {
    const order = await buy(galaxyS23, 'IN', 'bigfix', 'bigfix-1');
    assert.equal(order.status, 'awaiting_payment');
    const body = { offerId: 'x', customer: asha };
    const reused = await browser.POST('/v1/orders', { params: { header: { 'Idempotency-Key': 'create-bigfix-1' } }, body });
    assert.equal(reused.error?.error.code, 'idempotency_key_reused');
    const noKey = await browser.POST('/v1/orders', { params: { header: { 'Idempotency-Key': '' } }, body });
    assert.equal(noKey.response.status, 400);

    const withPublishable = await browser.POST('/v1/orders/{id}/confirm', {
      params: { path: { id: order.id }, header: { 'Idempotency-Key': 'c-pk' } },
      body: { paymentReference: 'pay' },
    });
    assert.equal(withPublishable.error?.error.code, 'secret_key_required');
    const confirmed = await confirm(order, 'bigfix-1');
    assert.equal(confirmed.data?.order.status, 'active');
    const replayed = await confirm(order, 'bigfix-1');
    assert.equal(replayed.response.headers.get('Idempotent-Replayed'), 'true');

    const read = await browser.GET('/v1/orders/{id}', {
      params: { path: { id: order.id }, header: { 'X-Client-Secret': order.clientSecret } },
    });
    assert.equal(read.data?.order.id, order.id);
    const missing = await merchant.GET('/v1/orders/{id}', { params: { path: { id: 'ord_missing' } } });
    assert.equal(missing.response.status, 404);
    const certificate = await merchant.GET('/v1/orders/{id}/certificate', { params: { path: { id: order.id } }, parseAs: 'blob' });
    assert.ok([200, 404, 409].includes(certificate.response.status));
    const notCancellable = await merchant.POST('/v1/orders/{id}/cancel', {
      params: { path: { id: order.id }, header: { 'Idempotency-Key': 'cancel-bigfix' } },
      body: { reason: 'Returned the phone' },
    });
    assert.equal(notCancellable.response.status, 409);

    const servify = await buy({ ...galaxyS23, imei: SERVIFY_IMEI }, 'IN', 'servify', 'servify-1');
    assert.equal((await confirm(servify, 'servify-1')).data?.order.status, 'active');
    const cancelled = await merchant.POST('/v1/orders/{id}/cancel', {
      params: { path: { id: servify.id }, header: { 'Idempotency-Key': 'cancel-servify' } },
      body: { reason: 'Returned the phone' },
    });
    assert.equal(cancelled.data?.order.status, 'cancelled');
  });

  it('takes an activation video, and answers provider failures with 502', async () => {
    const order = await buy(tecno, 'NG', 'octamile', 'octamile-1');
    assert.equal((await confirm(order, 'octamile-1')).data?.order.status, 'pending_activation');
    const form = new FormData();
    form.append('video', new Blob([new Uint8Array(3000).map((_, index) => (index * 7) % 256)], { type: 'video/mp4' }), 'check.mp4');
    const upload = (id: string, clientSecret: string) =>
      browser.POST('/v1/orders/{id}/activation', {
        params: { path: { id }, header: { 'X-Client-Secret': clientSecret } },
        body: form as never,
        bodySerializer: () => form,
      });
    assert.equal((await upload(order.id, order.clientSecret)).data?.order.status, 'pending');

    const early = await buy(galaxyS23, 'IN', 'bigfix', 'bigfix-2');
    assert.equal((await upload(early.id, early.clientSecret)).response.status, 409);

    server.faults.add({ provider: 'bigfix', pathPrefix: '/', fault: { kind: 'status', status: 500 } });
    try {
      const failed = await confirm(early, 'bigfix-2');
      assert.ok([502, 504].includes(failed.response.status), JSON.stringify(failed.error));
    } finally {
      server.faults.clear();
    }
  });

  it('receives provider events, and refuses unsigned ones', async () => {
    const event = JSON.stringify({ id: 'evt_spec_1', type: 'spec.checked', created: 1, data: {} });
    const now = Math.floor(Date.now() / 1000);
    const signed = await anonymous.POST('/v1/webhooks/assurify', {
      params: { header: { 'X-Assurify-Signature': signAssurifyPayload(ASSURIFY_SANDBOX_WEBHOOK_SECRET, now, event) } },
      body: JSON.parse(event),
      bodySerializer: () => event,
    });
    assert.equal(signed.response.status, 200, JSON.stringify(signed.error));
    const unsigned = await anonymous.POST('/v1/providers/{provider}/events', {
      params: { path: { provider: 'assurify' } },
      body: JSON.parse(event),
    });
    assert.equal(unsigned.error?.error.code, 'invalid_signature');
    const unknown = await anonymous.POST('/v1/providers/{provider}/events', { params: { path: { provider: 'nobody' } }, body: {} });
    assert.equal(unknown.response.status, 404);
    const servify = await anonymous.POST('/v1/callbacks/servify', { params: { header: { 'x-servify-signature': 'bad' } }, body: {} });
    assert.equal(servify.response.status, 401);
  });

  it('answers 429 with Retry-After, in the envelope', async () => {
    const limited = await startTestServer({ COVERKIT_RATE_LIMIT_PER_MINUTE: '10' });
    try {
      const client = createClient<paths>({ baseUrl: limited.baseUrl, headers: { Authorization: 'Bearer sk_test_demo' } });
      client.use(validating);
      let last;
      for (let attempt = 0; attempt < 12; attempt += 1) last = await client.GET('/v1/catalog');
      assert.equal(last?.error?.error.code, 'rate_limited');
      assert.ok(last?.response.headers.get('Retry-After'));
    } finally {
      await limited.close();
    }
  });

  it('lists orders and events, reads one event and sends it again', async () => {
    await buy(galaxyS23, 'IN', 'bigfix', 'lists-1');
    const orders = await merchant.GET('/v1/orders', { params: { query: { limit: 1, status: 'awaiting_payment' } } });
    assert.equal(orders.data?.data.length, 1, JSON.stringify(orders.error));
    assert.equal(orders.data?.data[0]?.status, 'awaiting_payment');
    const badLimit = await merchant.GET('/v1/orders', { params: { query: { limit: 500 } } });
    assert.equal(badLimit.error?.error.code, 'invalid_request');
    const events = await merchant.GET('/v1/events', { params: { query: { type: 'order.created', limit: 2 } } });
    const first = events.data?.data[0];
    assert.ok(first, JSON.stringify(events.error));
    assert.equal((await merchant.GET('/v1/events/{id}', { params: { path: { id: first.id } } })).data?.event.id, first.id);
    assert.equal((await merchant.GET('/v1/events/{id}', { params: { path: { id: 'evt_missing' } } })).response.status, 404);
    const resent = await merchant.POST('/v1/events/{id}/resend', { params: { path: { id: first.id } } });
    assert.equal(resent.response.status, 202);
    assert.equal(resent.data?.event.delivery.state, 'pending');
  });

  it('has now seen every operation of the document answer', () => {
    assert.deepEqual([...validator.seen].sort(), validator.operationIds().sort());
  });
});

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { consumerKey } from './map-octamile.ts';
import { apiClient, startTestServer, TEST_IMEI, type TestServer } from '../../testing/test-server.ts';

type Client = ReturnType<typeof apiClient>;
type Order = { id: string; clientSecret: string };

const tecno = { category: 'Mobile', brand: 'Tecno', model: 'Camon 20 Pro', price: 350000, currency: 'NGN' };
const folake = (last = 'Arinze', email = `folake.${last.toLowerCase()}@example.com`) => ({
  name: `Folake ${last}`,
  email,
  phone: '+2347010001234',
});
const fakeVideo = (size = 3000) => new Uint8Array(Array.from({ length: size }, (_, index) => (index * 7) % 256));

describe('Octamile through /v1 against its sandbox', () => {
  let server: TestServer;
  let browser: Client;
  let merchant: Client;

  before(async () => {
    server = await startTestServer({ OCTAMILE_SANDBOX_REVIEW_DELAY_MS: '300', COVERKIT_ACTIVATION_VIDEO_MAX_BYTES: '200000' });
    browser = apiClient(server);
    merchant = apiClient(server, 'sk_test_demo');
  });
  after(() => server.close());

  async function quote() {
    const response = await browser('POST', '/v1/quotes', { device: { ...tecno, imei: TEST_IMEI }, country: 'NG' });
    assert.equal(response.status, 200, response.text);
    return response.json.offers.filter((offer: { provider: string }) => offer.provider === 'octamile');
  }

  async function buy(customer: ReturnType<typeof folake>, key: string) {
    const [offer] = await quote();
    const created = await browser(
      'POST',
      '/v1/orders',
      { offerId: offer.offerId, device: { imei: TEST_IMEI, brand: 'Tecno', model: 'Camon 20 Pro' }, customer },
      { 'Idempotency-Key': `create-${key}` },
    );
    assert.equal(created.status, 201, created.text);
    const confirmed = await merchant(
      'POST',
      `/v1/orders/${created.json.order.id}/confirm`,
      { paymentReference: `pay_${key}` },
      { 'Idempotency-Key': `confirm-${key}` },
    );
    return { order: created.json.order as Order, confirmed };
  }

  async function upload(order: Order, content: Uint8Array<ArrayBuffer>, type = 'video/mp4') {
    const form = new FormData();
    form.append('note', 'front and back');
    form.append('video', new Blob([content], { type }), 'check.mp4');
    const response = await fetch(`${server.baseUrl}/v1/orders/${order.id}/activation`, {
      method: 'POST',
      headers: { Authorization: 'Bearer pk_test_demo', Origin: server.origin, 'X-Client-Secret': order.clientSecret },
      body: form,
    });
    return { status: response.status, json: await response.json() };
  }

  async function waitForActive(order: Order) {
    const deadline = Date.now() + 5000;
    for (;;) {
      const read = await browser('GET', `/v1/orders/${order.id}`, undefined, { 'X-Client-Secret': order.clientSecret });
      if (read.json.order.status !== 'pending' || Date.now() > deadline) return read.json.order;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  async function certificate(order: Order) {
    const response = await fetch(`${server.baseUrl}/v1/orders/${order.id}/certificate`, {
      headers: { Authorization: 'Bearer pk_test_demo', Origin: server.origin, 'X-Client-Secret': order.clientSecret },
    });
    return { status: response.status, type: response.headers.get('content-type'), bytes: new Uint8Array(await response.arrayBuffer()) };
  }

  it('quotes each cover period of the product in naira, and only for Nigeria', async () => {
    const offers = await quote();
    assert.deepEqual(
      offers.map((offer: { termMonths: number; price: { amount: number; currency: string } }) => [
        offer.termMonths,
        offer.price.amount,
        offer.price.currency,
      ]),
      [
        [6, 5000, 'NGN'],
        [12, 9000, 'NGN'],
      ],
    );
    const india = await browser('POST', '/v1/quotes', {
      device: { category: 'Mobile', brand: 'Samsung', model: 'Galaxy S23', price: 74999, currency: 'INR' },
      country: 'IN',
    });
    assert.equal(india.json.unavailable.find((entry: { provider: string }) => entry.provider === 'octamile').code, 'unsupported_market');
  });

  it('binds after payment, takes the video, and follows the review to active with a PNG certificate', async () => {
    const { order, confirmed } = await buy(folake(), 'happy');
    assert.equal(confirmed.status, 200, JSON.stringify(confirmed.json));
    const bound = confirmed.json.order;
    assert.equal(bound.status, 'pending_activation');
    assert.match(bound.policy.reference, /^[a-z0-9]{32}$/);
    assert.match(bound.policy.activationCode, /^[A-Z0-9]{8}$/);

    const stillWaiting = await browser('GET', `/v1/orders/${order.id}`, undefined, { 'X-Client-Secret': order.clientSecret });
    assert.equal(stillWaiting.json.order.status, 'pending_activation');
    const early = await certificate(order);
    assert.equal(early.status, 404);

    const uploaded = await upload(order, fakeVideo(150_000));
    assert.equal(uploaded.status, 200, JSON.stringify(uploaded.json));
    assert.equal(uploaded.json.order.status, 'pending');
    const active = await waitForActive(order);
    assert.equal(active.status, 'active');
    assert.equal(active.policy.certificate, true);
    assert.ok(Date.parse(active.policy.endsAt) > Date.parse(active.policy.startsAt));

    const file = await certificate(order);
    assert.equal(file.status, 200);
    assert.equal(file.type, 'image/png');
    assert.deepEqual([...file.bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const withSecretKey = await fetch(`${server.baseUrl}/v1/orders/${order.id}/certificate`, {
      headers: { Authorization: 'Bearer sk_test_demo' },
    });
    assert.equal(withSecretKey.status, 200);
    const again = await upload(order, fakeVideo());
    assert.equal(again.status, 409);
  });

  it('serves a PDF certificate as application/pdf', async () => {
    const { order, confirmed } = await buy(folake('Document'), 'pdf');
    assert.equal(confirmed.status, 200);
    assert.equal((await upload(order, fakeVideo())).status, 200);
    assert.equal((await waitForActive(order)).status, 'active');
    const file = await certificate(order);
    assert.equal(file.type, 'application/pdf');
    assert.equal(Buffer.from(file.bytes.subarray(0, 5)).toString('latin1'), '%PDF-');
  });

  it('follows a declined review to declined, with no certificate', async () => {
    const { order } = await buy(folake('Declined'), 'declined');
    assert.equal((await upload(order, fakeVideo())).status, 200);
    assert.equal((await waitForActive(order)).status, 'declined');
    const file = await certificate(order);
    assert.equal(file.status, 404);
  });

  it('retries a busy answer (35) and binds on the following 75', async () => {
    const { order, confirmed } = await buy(folake('Busy'), 'busy');
    assert.equal(confirmed.status, 200, JSON.stringify(confirmed.json));
    assert.equal(confirmed.json.order.status, 'pending_activation');
    // The transaction reference was stored before the first (busy) attempt and reused by the retry.
    assert.equal(await server.services.store.getProviderValue('octamile', `cover:${order.id}`), confirmed.json.order.policy.reference);
  });

  it('fails the order when Octamile answers 55 (not `binding`, not an outage), and answers 429 when it stays busy', async () => {
    const broken = await buy(folake('Broken'), 'broken');
    assert.equal(broken.confirmed.status, 422);
    assert.equal(broken.confirmed.json.error.code, 'provider_declined');
    assert.equal((await merchant('GET', `/v1/orders/${broken.order.id}`)).json.order.status, 'failed');
    // Nothing left for the reconciler to re-bind, and nothing counted against Octamile's circuit.
    const report = await server.reconciler.reconcileOnce(Date.now() + 60_000);
    assert.equal((await merchant('GET', `/v1/orders/${broken.order.id}`)).json.order.status, 'failed', JSON.stringify(report));
    for (let attempt = 0; attempt < 6; attempt++) await buy(folake('Broken'), `broken-${attempt}`);
    assert.equal(server.services.resilience.get('octamile')!.breaker.state, 'closed');
    assert.ok((await quote()).length > 0, 'other shoppers still see Octamile offers');
    const swamped = await buy(folake('Swamped'), 'swamped');
    assert.equal(swamped.confirmed.status, 429);
    assert.equal(swamped.confirmed.json.error.code, 'provider_busy');
  });

  it('refuses a file that is not a video (415), one that is too large (413), and a body that is not multipart', async () => {
    const { order } = await buy(folake('Uploader'), 'uploads');
    const image = await upload(order, fakeVideo(), 'image/png');
    assert.deepEqual([image.status, image.json.error.code], [415, 'unsupported_video_type']);
    const large = await upload(order, fakeVideo(250_000));
    assert.deepEqual([large.status, large.json.error.code], [413, 'video_too_large']);
    const json = await browser('POST', `/v1/orders/${order.id}/activation`, { video: 'x' }, { 'X-Client-Secret': order.clientSecret });
    assert.equal(json.status, 415);
    const read = await merchant('GET', `/v1/orders/${order.id}`);
    assert.equal(read.json.order.status, 'pending_activation');
  });

  it('reuses the consumer profile for the same shopper, and stores it under a hash', async () => {
    const shopper = folake('Okafor', 'same.shopper@example.com');
    const first = await buy(shopper, 'reuse-1');
    const second = await buy(shopper, 'reuse-2');
    const [one, two] = await Promise.all([first, second].map(({ order }) => server.services.store.getOrder('default', order.id)));
    assert.equal(one?.policy?.providerReferences?.consumerId, two?.policy?.providerReferences?.consumerId);
    assert.notEqual(one?.policy?.reference, two?.policy?.reference);
    const key = consumerKey('default', shopper.email, shopper.phone);
    assert.match(key, /^consumer:[0-9a-f]{64}$/);
    assert.equal(await server.services.store.getProviderValue('octamile', key), one?.policy?.providerReferences?.consumerId);
  });

  it('forgets a consumer id Octamile no longer knows (55) and recreates the profile once', async () => {
    const shopper = folake('Forgotten', 'forgotten.shopper@example.com');
    const key = consumerKey('default', shopper.email, shopper.phone);
    // An id kept from before Octamile forgot the profile (a reset sandbox, a purged account).
    const stale = 'z'.repeat(32);
    await server.services.store.claimProviderValue('octamile', key, stale);
    const { order, confirmed } = await buy(shopper, 'forgotten');
    assert.equal(confirmed.status, 200, confirmed.text);
    assert.equal(confirmed.json.order.status, 'pending_activation');
    const fresh = await server.services.store.getProviderValue('octamile', key);
    assert.ok(fresh && fresh !== stale, 'the new profile id is stored in place of the stale one');
    assert.equal((await server.services.store.getOrder('default', order.id))?.policy?.providerReferences?.consumerId, fresh);
  });

  it('keeps secrets and personal data out of logs', () => {
    const logs = server.logLines.join('\n');
    const { authorizationKey } = server.services.config.providers.octamile;
    for (const secret of [authorizationKey, TEST_IMEI, 'Folake', '+2347010001234', 'example.com'])
      assert.ok(!logs.includes(secret), `found ${secret.slice(0, 4)}…`);
  });
});

describe('Octamile consumer profiles are scoped per merchant', () => {
  it('the same shopper buying at two shops gets a profile at each, never the other shop’s', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const path = await import('node:path');
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'coverkit-octamile-')), 'merchants.json');
    const shop = (id: string) => ({
      id,
      name: id,
      publishableKey: `pk_test_${id}_key`,
      secretKey: `sk_test_${id}_key`,
      allowedOrigins: ['http://127.0.0.1:1'],
      providers: ['octamile'],
    });
    writeFileSync(file, JSON.stringify([shop('alpha'), shop('beta')]));
    const server = await startTestServer({ COVERKIT_MERCHANTS_FILE: file });
    try {
      const shopper = folake('Shared', 'shared.shopper@example.com');
      const consumerIds: string[] = [];
      for (const id of ['alpha', 'beta']) {
        // A browser (publishable key, an allowed Origin) quotes and orders; the shop's server (no Origin) confirms.
        const call =
          (key: string) =>
          async (method: string, route: string, body?: unknown, headers: Record<string, string> = {}) => {
            const response = await fetch(`${server.baseUrl}${route}`, {
              method,
              headers: {
                Authorization: `Bearer ${key}`,
                'Content-Type': 'application/json',
                ...(key.startsWith('pk_') ? { Origin: 'http://127.0.0.1:1' } : {}),
                ...headers,
              },
              body: JSON.stringify(body),
            });
            const text = await response.text();
            return { status: response.status, text, json: JSON.parse(text) };
          };
        const quote = await call(`pk_test_${id}_key`)('POST', '/v1/quotes', { device: { ...tecno, imei: TEST_IMEI }, country: 'NG' });
        const [offer] = quote.json.offers;
        const created = await call(`pk_test_${id}_key`)(
          'POST',
          '/v1/orders',
          { offerId: offer.offerId, device: { imei: TEST_IMEI, brand: 'Tecno', model: 'Camon 20 Pro' }, customer: shopper },
          { 'Idempotency-Key': `create-${id}` },
        );
        assert.equal(created.status, 201, created.text);
        const confirmed = await call(`sk_test_${id}_key`)(
          'POST',
          `/v1/orders/${created.json.order.id}/confirm`,
          { paymentReference: `pay_${id}` },
          { 'Idempotency-Key': `confirm-${id}` },
        );
        assert.equal(confirmed.status, 200, confirmed.text);
        const stored = await server.services.store.getOrder(id, created.json.order.id);
        consumerIds.push(stored!.policy!.providerReferences!.consumerId!);
      }
      assert.notEqual(consumerIds[0], consumerIds[1]);
    } finally {
      await server.close();
    }
  });
});

describe('Octamile premium requests answered busy once', () => {
  it('retries each period and still quotes', async () => {
    const server = await startTestServer({ OCTAMILE_PRODUCTS: 'phnn-flx2-3535:6m/1y' });
    try {
      const quote = await apiClient(server)('POST', '/v1/quotes', { device: tecno, country: 'NG' });
      const offers = quote.json.offers.filter((offer: { provider: string }) => offer.provider === 'octamile');
      assert.deepEqual(
        offers.map((offer: { price: { amount: number } }) => offer.price.amount),
        [5200, 9400],
      );
    } finally {
      await server.close();
    }
  });
});

describe('Octamile without self-activation', () => {
  it('leaves the video step to Octamile: the order is pending, with no activation code, and takes no video', async () => {
    const server = await startTestServer({ OCTAMILE_SELF_ACTIVATION: 'false' });
    try {
      const browser = apiClient(server);
      const quote = await browser('POST', '/v1/quotes', { device: { ...tecno, imei: TEST_IMEI }, country: 'NG' });
      const offer = quote.json.offers.find((candidate: { provider: string }) => candidate.provider === 'octamile');
      const created = await browser(
        'POST',
        '/v1/orders',
        { offerId: offer.offerId, device: { imei: TEST_IMEI }, customer: folake() },
        { 'Idempotency-Key': 'no-self' },
      );
      const confirmed = await apiClient(server, 'sk_test_demo')(
        'POST',
        `/v1/orders/${created.json.order.id}/confirm`,
        { paymentReference: 'pay_x' },
        { 'Idempotency-Key': 'no-self-c' },
      );
      assert.equal(confirmed.json.order.status, 'pending');
      assert.equal(confirmed.json.order.policy.activationCode, null);
      const form = new FormData();
      form.append('video', new Blob([new Uint8Array(10)], { type: 'video/mp4' }), 'v.mp4');
      const upload = await fetch(`${server.baseUrl}/v1/orders/${created.json.order.id}/activation`, {
        method: 'POST',
        headers: { Authorization: 'Bearer pk_test_demo', Origin: server.origin, 'X-Client-Secret': created.json.order.clientSecret },
        body: form,
      });
      assert.equal(upload.status, 409);
    } finally {
      await server.close();
    }
  });
});

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { apiClient, startTestServer, TEST_IMEI, type TestServer } from '../testing/test-server.ts';

const folake = { name: 'Folake Arinze', email: 'folake.arinze@example.com', phone: '+2347010001234' };
const tecno = { category: 'Mobile', brand: 'Tecno', model: 'Camon 20 Pro', price: 350000, currency: 'NGN' };
const boundary = 'coverkitActivationTest';

function multipart(parts: { name: string; type?: string; content: Buffer }[]): Buffer {
  const pieces: Buffer[] = [];
  for (const part of parts) {
    const file = part.type ? `; filename="clip.mp4"\r\nContent-Type: ${part.type}` : '';
    pieces.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${part.name}"${file}\r\n\r\n`),
      part.content,
      Buffer.from('\r\n'),
    );
  }
  pieces.push(Buffer.from(`--${boundary}--\r\n`));
  return Buffer.concat(pieces);
}

describe('POST /v1/orders/{id}/activation: limits on every part', () => {
  let server: TestServer;
  let order: { id: string; clientSecret: string };
  before(async () => {
    server = await startTestServer({ COVERKIT_ACTIVATION_VIDEO_MAX_BYTES: String(1024 * 1024) });
    const browser = apiClient(server);
    const quote = await browser('POST', '/v1/quotes', { device: { ...tecno, imei: TEST_IMEI }, country: 'NG' });
    const offer = quote.json.offers.find((candidate: { provider: string }) => candidate.provider === 'octamile');
    const created = await browser(
      'POST',
      '/v1/orders',
      { offerId: offer.offerId, device: { imei: TEST_IMEI }, customer: folake },
      { 'Idempotency-Key': 'activation-limits' },
    );
    assert.equal(created.status, 201, created.text);
    order = created.json.order;
    const confirmed = await apiClient(server, 'sk_test_demo')(
      'POST',
      `/v1/orders/${order.id}/confirm`,
      { paymentReference: 'pay_activation' },
      { 'Idempotency-Key': 'activation-limits-confirm' },
    );
    assert.equal(confirmed.json.order.status, 'pending_activation', confirmed.text);
  });
  after(() => server.close());

  const upload = (body: Buffer) =>
    fetch(`${server.baseUrl}/v1/orders/${order.id}/activation`, {
      method: 'POST',
      headers: {
        Authorization: 'Bearer pk_test_demo',
        Origin: server.origin,
        'X-Client-Secret': order.clientSecret,
        'Content-Type': `multipart/form-data; boundary=${boundary}`,
      },
      body: new Uint8Array(body),
    });

  it('refuses a large part other than the video, even one it would skip', async () => {
    const video = { name: 'video', type: 'video/mp4', content: Buffer.from('\u0000\u0000\u0000\u0018ftypmp42 demo video') };
    const response = await upload(multipart([{ name: 'padding', content: Buffer.alloc(200 * 1024, 0x61) }, video]));
    assert.equal(response.status, 413);
    assert.equal(((await response.json()) as { error: { code: string } }).error.code, 'payload_too_large');
    // Still awaiting its video: nothing was sent on.
    const read = await apiClient(server)('GET', `/v1/orders/${order.id}`, undefined, { 'X-Client-Secret': order.clientSecret });
    assert.equal(read.json.order.status, 'pending_activation');
  });

  it('refuses a request of more parts than an activation has', async () => {
    const fields = Array.from({ length: 9 }, (_, index) => ({ name: `f${index}`, content: Buffer.from('x') }));
    const response = await upload(multipart(fields));
    assert.equal(response.status, 413);
  });
});

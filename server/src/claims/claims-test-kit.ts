/** Shared by the claims tests: an active Assurify order, tiny valid images, and the multipart upload. */
import assert from 'node:assert/strict';
import { apiClient, asha, galaxyS23, TEST_IMEI, type TestServer } from '../testing/test-server.ts';

export const BOUNDARY = 'coverkitClaimTest';
export const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(60, 7)]);
export const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(60, 3)]);

export const claimPart = {
  type: 'accidental_damage',
  incident: { date: '2026-11-28', description: 'Dropped on tiles, the screen cracked' },
};

export interface Part {
  name: string;
  content: Buffer | string;
  filename?: string;
  type?: string;
}

export function multipart(parts: Part[]): Buffer {
  const pieces: Buffer[] = [];
  for (const part of parts) {
    const file = part.filename ? `; filename="${part.filename}"\r\nContent-Type: ${part.type ?? 'application/octet-stream'}` : '';
    pieces.push(Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="${part.name}"${file}\r\n\r\n`));
    pieces.push(typeof part.content === 'string' ? Buffer.from(part.content) : part.content);
    pieces.push(Buffer.from('\r\n'));
  }
  pieces.push(Buffer.from(`--${BOUNDARY}--\r\n`));
  return Buffer.concat(pieces);
}

export const claimUpload = (claim: unknown = claimPart, invoice: Buffer = JPEG, photo: Buffer = PNG): Part[] => [
  { name: 'claim', content: JSON.stringify(claim) },
  { name: 'invoice', content: invoice, filename: 'invoice.jpg', type: 'image/jpeg' },
  { name: 'photo', content: photo, filename: 'photo.png', type: 'image/png' },
];

/** Posts a claim upload with the given key (secret: no Origin) and client secret. */
export async function postClaim(
  server: TestServer,
  orderId: string,
  body: Buffer | ReadableStream<Uint8Array>,
  {
    key = 'sk_test_demo',
    clientSecret,
    idempotencyKey = `claim-${Math.random()}`,
  }: { key?: string; clientSecret?: string; idempotencyKey?: string } = {},
) {
  const response = await fetch(`${server.baseUrl}/v1/orders/${orderId}/claims`, {
    method: 'POST',
    headers: {
      Authorization: `Bearer ${key}`,
      ...(key.startsWith('pk_') ? { Origin: server.origin } : {}),
      ...(clientSecret ? { 'X-Client-Secret': clientSecret } : {}),
      'Idempotency-Key': idempotencyKey,
      'Content-Type': `multipart/form-data; boundary=${BOUNDARY}`,
    },
    body: body instanceof Buffer ? new Uint8Array(body) : body,
    ...(body instanceof Buffer ? {} : { duplex: 'half' }),
  } as RequestInit);
  const text = await response.text();
  return { status: response.status, text, json: text ? JSON.parse(text) : undefined };
}

export async function setScenario(server: TestServer, claims: string): Promise<void> {
  const response = await fetch(`${server.baseUrl}/sandbox/assurify/_scenarios`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ claims }),
  });
  assert.equal(response.status, 200, await response.text());
}

export async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 5000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() - started > timeoutMs) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** An Assurify ADLD order made active by its `policy.activated` event. */
export async function activeAssurifyOrder(server: TestServer, tag: string): Promise<{ id: string; clientSecret: string }> {
  const browser = apiClient(server);
  const quote = await browser('POST', '/v1/quotes', { device: { ...galaxyS23, imei: TEST_IMEI }, country: 'IN' });
  const offer = quote.json.offers.find(
    (candidate: { provider: string; type: string }) => candidate.provider === 'assurify' && candidate.type === 'ADLD',
  );
  assert.ok(offer, quote.text);
  const created = await browser(
    'POST',
    '/v1/orders',
    { offerId: offer.offerId, device: { imei: TEST_IMEI }, customer: asha },
    { 'Idempotency-Key': `${tag}-create` },
  );
  assert.equal(created.status, 201, created.text);
  const order = created.json.order;
  const merchant = apiClient(server, 'sk_test_demo');
  const confirmed = await merchant(
    'POST',
    `/v1/orders/${order.id}/confirm`,
    { paymentReference: `pay_${tag}` },
    { 'Idempotency-Key': `${tag}-confirm` },
  );
  assert.equal(confirmed.status, 200, confirmed.text);
  const active = await until(
    () => merchant('GET', `/v1/orders/${order.id}`),
    (read) => read.json.order.status === 'active',
  );
  assert.equal(active.json.order.status, 'active', active.text);
  return { id: order.id, clientSecret: order.clientSecret };
}

/**
 * What the claim tests share: a policy bought through /v1 (the buying itself is the other e2e
 * tests' subject), remembered as the demo cart remembers paid orders, "My plans" opened, and
 * pictures to attach (real PNGs, one padded to just under 10 MB; browsers ignore bytes after IEND).
 */
import assert from 'node:assert/strict';
import { deflateSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { apiClient, asha, type TestServer } from '../../server/src/testing/test-server.ts';
import { gotoShop } from './shop.ts';

export interface Device {
  sku: string;
  category: string;
  brand: string;
  model: string;
  price: number;
  currency: string;
  country: string;
}

export const iphone15: Device = {
  sku: 'iphone-15',
  category: 'Mobile',
  brand: 'Apple',
  model: 'iPhone 15',
  price: 69_900,
  currency: 'INR',
  country: 'IN',
};
export const oneplus12: Device = {
  sku: 'oneplus-12',
  category: 'Mobile',
  brand: 'OnePlus',
  model: 'OnePlus 12',
  price: 64_999,
  currency: 'INR',
  country: 'IN',
};
export const tecnoCamon30: Device = {
  sku: 'tecno-camon-30',
  category: 'Mobile',
  brand: 'Tecno',
  model: 'Camon 30',
  price: 485_000,
  currency: 'NGN',
  country: 'NG',
};
export const galaxyS23: Device = {
  sku: 'galaxy-s23',
  category: 'Mobile',
  brand: 'Samsung',
  model: 'Galaxy S23',
  price: 74_999,
  currency: 'INR',
  country: 'IN',
};

/** A Luhn-valid 15-digit IMEI from 14 digits, so every purchase covers its own device. */
export function imei(body14: string): string {
  let sum = 0;
  for (let index = 0; index < 14; index++) {
    let digit = Number(body14[13 - index]);
    if (index % 2 === 0) digit *= 2;
    sum += digit > 9 ? digit - 9 : digit;
  }
  return body14 + ((10 - (sum % 10)) % 10);
}

/** Quotes, orders and confirms (secret key, as the shop's server would) one plan; waits until it is active. */
export async function buyPolicy(
  server: TestServer,
  device: Device,
  provider: string,
  deviceImei: string,
  plan?: RegExp,
  customer: object = asha,
) {
  const shopper = apiClient(server);
  const merchant = apiClient(server, 'sk_test_demo');
  const { sku: _sku, country, ...quoted } = device;
  const quote = await shopper('POST', '/v1/quotes', { device: { ...quoted, imei: deviceImei }, country });
  assert.equal(quote.status, 200, quote.text);
  const offers = (quote.json.offers as { offerId: string; provider: string; name: string; type: string }[]).filter(
    (offer) => offer.provider === provider,
  );
  const offer = offers.find((candidate) => (plan ? plan.test(candidate.name) : true));
  assert.ok(offer, `no ${provider} offer in ${quote.text}`);
  const created = await shopper(
    'POST',
    '/v1/orders',
    {
      offerId: offer.offerId,
      device: { imei: deviceImei, serial: `SN${deviceImei.slice(-8)}`, brand: device.brand, model: device.model, brandWarrantyYears: 1 },
      customer,
    },
    { 'Idempotency-Key': `buy-${deviceImei}` },
  );
  assert.equal(created.status, 201, created.text);
  const order = created.json.order as { id: string; clientSecret: string };
  const confirmed = await merchant(
    'POST',
    `/v1/orders/${order.id}/confirm`,
    { paymentReference: 'pay_e2e' },
    { 'Idempotency-Key': `pay-${order.id}` },
  );
  assert.equal(confirmed.status, 200, confirmed.text);
  for (let attempt = 0; attempt < 60; attempt++) {
    const read = await merchant('GET', `/v1/orders/${order.id}`);
    if (read.json.order.status === 'pending_activation') return { orderId: order.id, clientSecret: order.clientSecret, sku: device.sku };
    if (read.json.order.status === 'active') return { orderId: order.id, clientSecret: order.clientSecret, sku: device.sku };
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`order ${order.id} never became active`);
}

/** The shop remembers the paid order (as checkout does), then the shopper opens "My plans". */
export async function openMyPlans(page: Page, server: TestServer, orders: { orderId: string; clientSecret: string; sku: string }[]) {
  await gotoShop(page, `${server.baseUrl}/`);
  await page.evaluate((entries) => {
    const remembered = Object.fromEntries(entries.map(({ orderId, clientSecret, sku }) => [orderId, { clientSecret, sku }]));
    sessionStorage.setItem('coverkit-demo-orders', JSON.stringify(remembered));
  }, orders);
  await page.getByRole('link', { name: 'My plans' }).click();
  await page.locator('body[data-page="my-plans"][data-ready="true"]').waitFor();
}

/** The `<cover-policy>` of one order on "My plans" (Playwright's CSS pierces its shadow roots). */
export const policyOf = (page: Page, orderId: string) => page.locator(`.plan-card[data-order-id="${orderId}"] cover-policy`);

/** A real RGB PNG (a blue-to-orange gradient), optionally padded after IEND to `totalBytes`. */
export function png(width = 160, height = 120, totalBytes = 0): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (bytes: Buffer) => {
    let c = 0xffffffff;
    for (const byte of bytes) c = crcTable[(c ^ byte) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const check = Buffer.alloc(4);
    check.writeUInt32BE(crc(body));
    return Buffer.concat([length, body, check]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const rows = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const offset = y * (width * 3 + 1) + 1 + x * 3;
      rows[offset] = Math.round(40 + (200 * x) / width);
      rows[offset + 1] = Math.round(90 + (60 * y) / height);
      rows[offset + 2] = Math.round(220 - (180 * x) / width);
    }
  }
  const image = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
  return totalBytes > image.length ? Buffer.concat([image, Buffer.alloc(totalBytes - image.length)]) : image;
}

/** Slows the page's uploads (Chromium's network emulation), so progress can be seen and photographed. */
export async function throttleUploads(page: Page, bytesPerSecond: number): Promise<void> {
  const session = await page.context().newCDPSession(page);
  await session.send('Network.enable');
  await session.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 20,
    downloadThroughput: -1,
    uploadThroughput: bytesPerSecond,
  });
}

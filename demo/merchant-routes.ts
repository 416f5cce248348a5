/**
 * The demo shop's own server: what a merchant's backend does after its payment step.
 * It holds the secret key and calls Coverkit's /v1 over HTTP, as a real merchant would.
 */
import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';

export function createDemoMerchantRoutes({ apiBase, secretKey }: { apiBase: string; secretKey: string }) {
  const call = (path: string, init: RequestInit = {}) =>
    fetch(`${apiBase}/v1${path}`, { ...init, headers: { Authorization: `Bearer ${secretKey}`, 'Content-Type': 'application/json', ...init.headers } });

  return new Hono()
    .post('/checkout', async (context) => {
      const { orderId, card } = (await context.req.json().catch(() => ({}))) as { orderId?: string; card?: string };
      if (!orderId || !/^ord_[A-Za-z0-9_-]+$/.test(orderId)) return context.json({ error: { code: 'invalid_request', message: 'orderId is required' } }, 400);
      // A fake card step: 4000 0000 0000 0002 is declined, as in card-network test suites.
      if ((card ?? '').replace(/\s/g, '') === '4000000000000002') return context.json({ error: { code: 'card_declined', message: 'Your card was declined.' } }, 402);
      const paymentReference = `pay_demo_${randomUUID().slice(0, 8)}`;
      const response = await call(`/orders/${orderId}/confirm`, {
        method: 'POST',
        headers: { 'Idempotency-Key': `checkout-${orderId}` },
        body: JSON.stringify({ paymentReference }),
      });
      return context.body(await response.text(), response.status as 200, { 'Content-Type': 'application/json' });
    })
    .get('/orders/:id', async (context) => {
      const response = await call(`/orders/${encodeURIComponent(context.req.param('id'))}`);
      return context.body(await response.text(), response.status as 200, { 'Content-Type': 'application/json' });
    });
}

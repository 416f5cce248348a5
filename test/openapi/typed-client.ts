/**
 * What a merchant's server writes with the generated types and openapi-fetch: compiled on its
 * own by openapi.test.ts, so the generated file is known to work outside this repository.
 */
import createClient from 'openapi-fetch';
import type { components, paths } from './v1.d.ts';

export type Order = components['schemas']['Order'];
export type ErrorCode = components['schemas']['Error']['error']['code'];

export function coverkitServerClient(baseUrl: string, secretKey: string) {
  return createClient<paths>({ baseUrl, headers: { Authorization: `Bearer ${secretKey}` } });
}

/** Confirms an order after payment; an error answer is a typed envelope. */
export async function confirmAfterPayment(
  client: ReturnType<typeof coverkitServerClient>,
  orderId: string,
  paymentReference: string,
): Promise<Order | { code: ErrorCode; message: string }> {
  const { data, error } = await client.POST('/v1/orders/{id}/confirm', {
    params: { path: { id: orderId }, header: { 'Idempotency-Key': `confirm-${orderId}` } },
    body: { paymentReference },
  });
  if (data) return data.order;
  return { code: error.error.code, message: error.error.message };
}

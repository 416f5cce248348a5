/**
 * The /v1 client the widget uses. It carries only the publishable key: everything a
 * browser holds is public.
 */
import ky, { HTTPError, TimeoutError } from 'ky';
import { ApiError, apiErrorFromResponse, isAbortError, secretKeyRefusal } from './api-error.ts';
import type { CreateOrderRequest, QuoteRequest } from '../../../contract/schemas.ts';
import type { Catalog, Order, QuoteResponse } from '../../../contract/types.ts';

export interface ApiClientOptions {
  /** Origin (and optional path) in front of `/v1`, e.g. `https://api.coverkit.example`. */
  apiBase: string;
  publishableKey: string;
}

export interface ApiClient {
  /** Where requests go, for the upload (XMLHttpRequest, for its progress events). */
  readonly options: Readonly<ApiClientOptions>;
  createQuote(request: QuoteRequest, signal: AbortSignal): Promise<QuoteResponse>;
  createOrder(request: CreateOrderRequest, idempotencyKey: string, signal: AbortSignal): Promise<Order>;
  /** The order as the provider now sees it; `clientSecret` proves it is the shopper's. */
  getOrder(orderId: string, clientSecret: string, signal?: AbortSignal): Promise<Order>;
  /** The policy certificate (PDF, PNG or JPEG). */
  getCertificate(orderId: string, clientSecret: string, signal?: AbortSignal): Promise<Blob>;
  getCatalog(signal: AbortSignal): Promise<Catalog>;
}

// The server gives each provider 8 s; a little more covers the network around it.
const quoteTimeoutMilliseconds = 15_000;
const orderTimeoutMilliseconds = 30_000;

export function createApiClient({ apiBase, publishableKey }: ApiClientOptions): ApiClient {
  // A secret key never leaves the page: every call fails with `secret_key_in_browser` before sending.
  const refusal = secretKeyRefusal(publishableKey);
  const send = <T>(request: () => Promise<T>): Promise<T> => (refusal ? Promise.reject(refusal) : sendRequest(request));
  const http = ky.create({
    prefixUrl: `${apiBase.replace(/\/+$/, '')}/v1`,
    headers: { Authorization: `Bearer ${publishableKey}` },
    // The key authenticates; the merchant's cookies have no business reaching Coverkit.
    credentials: 'omit',
    // No silent retries: the shopper has a retry button, and order retries must reuse
    // their Idempotency-Key, which the form decides.
    retry: 0,
  });

  const orderPath = (orderId: string) => `orders/${encodeURIComponent(orderId)}`;
  const secretHeaders = (clientSecret: string) => ({ 'X-Client-Secret': clientSecret });

  return {
    options: { apiBase, publishableKey },
    async createQuote(request, signal) {
      return send(() => http.post('quotes', { json: request, signal, timeout: quoteTimeoutMilliseconds }).json<QuoteResponse>());
    },
    async createOrder(request, idempotencyKey, signal) {
      const response = await send(() =>
        http
          .post('orders', {
            json: request,
            signal,
            timeout: orderTimeoutMilliseconds,
            headers: { 'Idempotency-Key': idempotencyKey },
          })
          .json<{ order: Order }>(),
      );
      return response.order;
    },
    async getOrder(orderId, clientSecret, signal) {
      const response = await send(() =>
        http
          .get(orderPath(orderId), { signal, timeout: quoteTimeoutMilliseconds, headers: secretHeaders(clientSecret) })
          .json<{ order: Order }>(),
      );
      return response.order;
    },
    async getCertificate(orderId, clientSecret, signal) {
      return send(() =>
        http
          .get(`${orderPath(orderId)}/certificate`, { signal, timeout: orderTimeoutMilliseconds, headers: secretHeaders(clientSecret) })
          .blob(),
      );
    },
    async getCatalog(signal) {
      return send(() => http.get('catalog', { signal, timeout: quoteTimeoutMilliseconds }).json<Catalog>());
    },
  };
}

async function sendRequest<T>(request: () => Promise<T>): Promise<T> {
  try {
    return await request();
  } catch (error) {
    throw await toApiError(error);
  }
}

async function toApiError(error: unknown): Promise<unknown> {
  // Aborts stay aborts so @lit/task can tell a superseded run from a failure.
  if (isAbortError(error)) return error;
  if (error instanceof TimeoutError) return new ApiError({ code: 'timeout', message: 'The request timed out' });
  if (error instanceof HTTPError) {
    const body: unknown = await error.response.json().catch(() => undefined);
    return apiErrorFromResponse(error.response.status, error.response.statusText, body);
  }
  // fetch rejects with a TypeError when the network or CORS stops the request.
  if (error instanceof TypeError) return new ApiError({ code: 'network_error', message: 'The request could not be sent' });
  return error;
}

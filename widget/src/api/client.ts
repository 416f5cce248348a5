/**
 * The /v1 client the widget uses. It carries only the publishable key: everything a
 * browser holds is public. Plain `fetch` (ky cost the entry 4.5 KB gzip for what is five
 * calls): JSON in and out, a timeout per call, no silent retries, one error shape.
 */
import { ApiError, apiErrorFromResponse, isAbortError, secretKeyRefusal } from './api-error.ts';
import { readQuoteStream, QUOTE_STREAM_TYPE } from './quote-stream.ts';
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
  /**
   * The offers of every provider. With `onProgress`, the server streams each provider's
   * answer as it comes (NDJSON) and `onProgress` gets the offers so far, in a stable order;
   * a server that answers all at once (JSON) is read the same way.
   */
  createQuote(request: QuoteRequest, signal: AbortSignal, onProgress?: (soFar: QuoteResponse) => void): Promise<QuoteResponse>;
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

interface Call {
  method?: 'GET' | 'POST';
  json?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal | undefined;
  timeout: number;
}

export function createApiClient({ apiBase, publishableKey }: ApiClientOptions): ApiClient {
  // A secret key never leaves the page: every call fails with `secret_key_in_browser` before sending.
  const refusal = secretKeyRefusal(publishableKey);
  const prefix = `${apiBase.replace(/\/+$/, '')}/v1/`;

  /** The response of a 2xx answer; anything else becomes an ApiError (aborts stay aborts). */
  async function call<T>(path: string, { method = 'GET', json, headers, signal, timeout }: Call, read: (response: Response) => Promise<T>) {
    if (refusal) throw refusal;
    const timedOut = AbortSignal.timeout(timeout);
    try {
      const response = await fetch(prefix + path, {
        method,
        headers: {
          Authorization: `Bearer ${publishableKey}`,
          ...(json === undefined ? {} : { 'Content-Type': 'application/json' }),
          ...headers,
        },
        body: json === undefined ? null : JSON.stringify(json),
        // The key authenticates; the merchant's cookies have no business reaching Coverkit.
        credentials: 'omit',
        signal: signal ? AbortSignal.any([signal, timedOut]) : timedOut,
      });
      if (!response.ok) {
        const body: unknown = await response.json().catch(() => undefined);
        throw apiErrorFromResponse(response.status, response.statusText, body);
      }
      return await read(response);
    } catch (error) {
      if (error instanceof ApiError) throw error;
      // The caller's abort stays an abort, so @lit/task can tell a superseded run from a failure.
      if (signal?.aborted && isAbortError(error)) throw error;
      if (timedOut.aborted) throw new ApiError({ code: 'timeout', message: 'The request timed out' });
      // fetch rejects with a TypeError when the network or CORS stops the request.
      if (error instanceof TypeError) throw new ApiError({ code: 'network_error', message: 'The request could not be sent' });
      throw error;
    }
  }

  const readJson = (response: Response) => response.json();
  const orderPath = (orderId: string) => `orders/${encodeURIComponent(orderId)}`;
  const secretHeaders = (clientSecret: string) => ({ 'X-Client-Secret': clientSecret });

  return {
    options: { apiBase, publishableKey },
    createQuote(request, signal, onProgress) {
      const accept: Record<string, string> = onProgress ? { Accept: `${QUOTE_STREAM_TYPE}, application/json` } : {};
      return call('quotes', { method: 'POST', json: request, signal, timeout: quoteTimeoutMilliseconds, headers: accept }, (response) =>
        readQuoteStream(response, onProgress),
      );
    },
    async createOrder(request, idempotencyKey, signal) {
      const headers = { 'Idempotency-Key': idempotencyKey };
      const { order } = await call<{ order: Order }>(
        'orders',
        { method: 'POST', json: request, signal, timeout: orderTimeoutMilliseconds, headers },
        readJson,
      );
      return order;
    },
    async getOrder(orderId, clientSecret, signal) {
      const options = { signal, timeout: quoteTimeoutMilliseconds, headers: secretHeaders(clientSecret) };
      const { order } = await call<{ order: Order }>(orderPath(orderId), options, readJson);
      return order;
    },
    getCertificate(orderId, clientSecret, signal) {
      const options = { signal, timeout: orderTimeoutMilliseconds, headers: secretHeaders(clientSecret) };
      return call(`${orderPath(orderId)}/certificate`, options, (response) => response.blob());
    },
    getCatalog(signal) {
      return call<Catalog>('catalog', { signal, timeout: quoteTimeoutMilliseconds }, readJson);
    },
  };
}

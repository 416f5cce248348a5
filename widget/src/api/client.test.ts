import { expect } from '@open-wc/testing';
import {
  apiBase,
  comprehensiveOffer,
  errorResponse,
  json,
  publishableKey,
  quoteResponse,
  screenOffer,
  stubApi,
} from '../testing/api-stub.ts';
import { ApiError } from './api-error.ts';
import { createApiClient } from './client.ts';

let api: ReturnType<typeof stubApi> | undefined;
afterEach(() => {
  api?.restore();
  api = undefined;
});

const request = { device: { category: 'Mobile', brand: 'Samsung', model: 'Galaxy S23', price: 74999, currency: 'INR' }, country: 'IN' };

async function failure(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a failure');
}

describe('createApiClient (fetch)', () => {
  it('sends the publishable key, JSON and no cookies under /v1, and reads the JSON answer', async () => {
    api = stubApi({ 'POST /v1/quotes': () => json(quoteResponse) });
    const client = createApiClient({ apiBase: `${apiBase}/`, publishableKey });
    expect(await client.createQuote(request, new AbortController().signal)).to.deep.equal(quoteResponse);
    const [sent] = api.requests;
    expect(sent!.url).to.equal(`${apiBase}/v1/quotes`);
    expect(sent!.headers.get('Authorization')).to.equal(`Bearer ${publishableKey}`);
    expect(sent!.headers.get('Content-Type')).to.equal('application/json');
    expect(sent!.body).to.deep.equal(request);
  });

  it('turns an error envelope into an ApiError with its code, fields and request id', async () => {
    api = stubApi({
      'POST /v1/orders': () =>
        errorResponse(422, 'validation_failed', 'Check the fields', [{ path: 'customer.email', message: 'Invalid' }]),
    });
    const client = createApiClient({ apiBase, publishableKey });
    const error = (await failure(client.createOrder({} as never, 'key-1', new AbortController().signal))) as ApiError;
    expect(error).to.be.instanceOf(ApiError);
    expect([error.code, error.status, error.requestId]).to.deep.equal(['validation_failed', 422, 'req_test']);
    expect(error.fields).to.deep.equal([{ path: 'customer.email', message: 'Invalid' }]);
    expect(api.requests[0]!.headers.get('Idempotency-Key')).to.equal('key-1');
  });

  it('names a body that is no envelope after its status, a failed network network_error, and keeps aborts as aborts', async () => {
    api = stubApi({
      'GET /v1/catalog': () => new Response('<html>bad gateway</html>', { status: 502, statusText: 'Bad Gateway' }),
      'GET /v1/orders/ord_1': () => Promise.reject(new TypeError('Failed to fetch')),
      'POST /v1/quotes': (sent) =>
        new Promise((_resolve, reject) => {
          const abort = () => reject(new DOMException('aborted', 'AbortError'));
          if (sent.signal.aborted) abort();
          sent.signal.addEventListener('abort', abort);
        }),
    });
    const client = createApiClient({ apiBase, publishableKey });
    const gateway = (await failure(client.getCatalog(new AbortController().signal))) as ApiError;
    expect([gateway.code, gateway.message]).to.deep.equal(['http_502', 'Bad Gateway']);
    expect(((await failure(client.getOrder('ord_1', 'secret'))) as ApiError).code).to.equal('network_error');
    const controller = new AbortController();
    const quote = failure(client.createQuote(request, controller.signal));
    controller.abort();
    const aborted = await quote;
    expect(aborted).to.be.instanceOf(DOMException);
    expect((aborted as DOMException).name).to.equal('AbortError');
  });

  it('refuses a secret key before sending anything', async () => {
    api = stubApi({});
    const client = createApiClient({ apiBase, publishableKey: 'sk_test_123' });
    expect(((await failure(client.getCatalog(new AbortController().signal))) as ApiError).code).to.equal('secret_key_in_browser');
    expect(api.requests).to.have.length(0);
  });

  it('reads a streamed quote whose lines arrive together as one answer, cheapest first', async () => {
    const lines = [
      { offers: [comprehensiveOffer], unavailable: [] },
      { offers: [screenOffer], unavailable: quoteResponse.unavailable },
    ];
    api = stubApi({
      'POST /v1/quotes': () =>
        new Response(lines.map((line) => `${JSON.stringify(line)}\n`).join(''), { headers: { 'Content-Type': 'application/x-ndjson' } }),
    });
    const progress: string[][] = [];
    const client = createApiClient({ apiBase, publishableKey });
    const answer = await client.createQuote(request, new AbortController().signal, (soFar) =>
      progress.push(soFar.offers.map((offer) => offer.provider)),
    );
    expect(answer.offers.map((offer) => offer.offerId)).to.deep.equal([screenOffer.offerId, comprehensiveOffer.offerId]);
    expect(answer.unavailable).to.deep.equal(quoteResponse.unavailable);
    expect(progress, 'one step for one read').to.deep.equal([['bigfix', 'servify']]);
  });
});

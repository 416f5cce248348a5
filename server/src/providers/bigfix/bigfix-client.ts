/** BigFix's HTTP API: `X-API-Key` on every call, JSON bodies, Django-style trailing slashes. */
import type { BigfixConfig } from './bigfix-config.ts';
import { fetchFromProvider, readJson } from '../kit/http.ts';
import { createMemoCache } from '../kit/memo-cache.ts';
import { retryAfterSeconds, type ProviderResilience } from '../kit/resilience.ts';
import { bigfixError } from './bigfix-errors.ts';
import { bigfixPlansSchema, bigfixPolicySchema, type BigfixPolicy, type BigfixPolicyRequest } from './bigfix-schemas.ts';

export type PlanPremiums = Record<string, number>;

/** BigFix asks partners to cache premiums: the same product, brand type and price always price the same. */
const PREMIUM_CACHE_MS = 10 * 60 * 1000;

export class BigfixClient {
  readonly #premiums = createMemoCache<PlanPremiums>({ ttlMs: PREMIUM_CACHE_MS, maxEntries: 2000 });

  constructor(
    private readonly config: BigfixConfig,
    private readonly resilience: ProviderResilience,
  ) {}

  /** ADLD premiums: `GET /get-protection-plans/`. */
  async adldPlans(
    query: { product: string; brandType: 'Apple' | 'Non-Apple'; devicePrice: number },
    signal: AbortSignal,
  ): Promise<PlanPremiums> {
    const parameters = new URLSearchParams({ product: query.product, brand_type: query.brandType, deviceprice: String(query.devicePrice) });
    const path = `/get-protection-plans/?${parameters}`;
    return this.#premiums.get(
      path,
      async () => bigfixPlansSchema.parse(await this.#call('GET', path, undefined, signal))['Protection Plans'],
    );
  }

  /** Extended-warranty premiums: `GET /adld/protection-plans/`. */
  async extendedWarrantyPlans(query: { product: string; devicePrice: number }, signal: AbortSignal): Promise<PlanPremiums> {
    const parameters = new URLSearchParams({ product: query.product, deviceprice: String(query.devicePrice) });
    const path = `/adld/protection-plans/?${parameters}`;
    return this.#premiums.get(
      path,
      async () => bigfixPlansSchema.parse(await this.#call('GET', path, undefined, signal))['Protection Plans'],
    );
  }

  createAdldPolicy(request: BigfixPolicyRequest, signal: AbortSignal): Promise<BigfixPolicy> {
    return this.#createPolicy('/adld-policy/', request, signal);
  }

  createExtendedWarrantyPolicy(request: BigfixPolicyRequest, signal: AbortSignal): Promise<BigfixPolicy> {
    return this.#createPolicy('/create-policy/', request, signal);
  }

  async #createPolicy(path: string, request: BigfixPolicyRequest, signal: AbortSignal): Promise<BigfixPolicy> {
    return bigfixPolicySchema.parse(await this.#call('POST', path, request, signal));
  }

  /** Quotes are reads and retried; creates are not, since BigFix has no idempotency key. */
  #call(method: 'GET' | 'POST', path: string, body: unknown, signal: AbortSignal): Promise<unknown> {
    return this.resilience.run(() => this.#attempt(method, path, body, signal), { retry: method === 'GET', signal });
  }

  async #attempt(method: 'GET' | 'POST', path: string, body: unknown, signal: AbortSignal): Promise<unknown> {
    const headers: Record<string, string> = { 'X-API-Key': this.config.apiKey, Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const response = await fetchFromProvider('bigfix', `${this.config.baseUrl}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal,
    });
    const json = await readJson('bigfix', response);
    if (!response.ok) throw bigfixError(response.status, json, retryAfterSeconds(response.headers.get('Retry-After')));
    return json;
  }
}

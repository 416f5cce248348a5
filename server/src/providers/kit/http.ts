/** Small fetch helpers every provider client shares: deadlines and failure classification. */
import type { ProviderId } from '../../../../contract/types.ts';
import { ProviderError } from '../../errors.ts';

export const UNAVAILABLE_MESSAGE = 'This plan cannot be bought right now. Please try again in a few minutes.';

/** Runs `fetch`, turning aborts and network failures into ProviderErrors that say which. */
export async function fetchFromProvider(provider: ProviderId, url: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(url, init);
  } catch (error) {
    const signal = init.signal;
    if (signal?.aborted) {
      const reason = signal.reason as { name?: string } | undefined;
      const failure = reason?.name === 'TimeoutError' ? 'timeout' : 'unreachable';
      throw new ProviderError({
        provider,
        failure,
        providerCode: failure === 'timeout' ? 'deadline exceeded' : 'aborted',
        shopperMessage: UNAVAILABLE_MESSAGE,
        cause: error,
      });
    }
    throw new ProviderError({
      provider,
      failure: 'unreachable',
      providerCode: (error as Error).message,
      shopperMessage: UNAVAILABLE_MESSAGE,
      cause: error,
    });
  }
}

/** Reads a JSON body; an HTML error page or garbage is a provider error, not a crash. */
export async function readJson(provider: ProviderId, response: Response): Promise<unknown> {
  const text = await response.text();
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ProviderError({
      provider,
      failure: 'provider_error',
      providerCode: `HTTP ${response.status} with a non-JSON body`,
      shopperMessage: UNAVAILABLE_MESSAGE,
      cause: error,
      status: response.status,
    });
  }
}

export function addMonths(isoDate: string, months: number): string {
  const date = new Date(isoDate);
  date.setUTCMonth(date.getUTCMonth() + months);
  return date.toISOString();
}

/**
 * Runs a provider call under a deadline. The call gets the deadline's signal, and the race
 * guards against an adapter that ignores it: past the deadline the caller moves on.
 */
import type { ProviderId } from '../../../../contract/types.ts';
import { ProviderError } from '../../errors.ts';

export function withDeadline<T>(
  provider: ProviderId,
  { ms, what, shopperMessage }: { ms: number; what: string; shopperMessage: string },
  call: (signal: AbortSignal) => Promise<T>,
): Promise<T> {
  const signal = AbortSignal.timeout(ms);
  const deadline = new Promise<never>((_, reject) =>
    signal.addEventListener(
      'abort',
      () => reject(new ProviderError({ provider, failure: 'timeout', providerCode: `${what} deadline exceeded`, shopperMessage })),
      {
        once: true,
      },
    ),
  );
  return Promise.race([call(signal), deadline]);
}

/**
 * A POST whose body is written as the provider reads it. Node's fetch takes a streamed body
 * but pulls it ahead of the socket, so a 27 MB claim body would gather in memory; node:http
 * lets each write wait for `drain`. Errors are ProviderErrors like fetchFromProvider's.
 */
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { ProviderError } from '../../errors.ts';
import { UNAVAILABLE_MESSAGE } from '../kit/http.ts';

export interface StreamedAnswer {
  status: number;
  retryAfter: string | null;
  text: string;
}

function failure(signal: AbortSignal, cause: unknown): ProviderError {
  const timedOut = signal.aborted && (signal.reason as { name?: string } | undefined)?.name === 'TimeoutError';
  return new ProviderError({
    provider: 'assurify',
    failure: timedOut ? 'timeout' : 'unreachable',
    providerCode: timedOut ? 'deadline exceeded' : 'connection failed',
    shopperMessage: UNAVAILABLE_MESSAGE,
    cause,
  });
}

export function postStreamed(
  url: string,
  headers: Record<string, string>,
  body: AsyncIterable<Uint8Array>,
  signal: AbortSignal,
): Promise<StreamedAnswer> {
  const send = url.startsWith('https:') ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const outgoing = send(url, { method: 'POST', headers, signal }, (response: IncomingMessage) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('error', (error) => reject(failure(signal, error)));
      response.on('end', () =>
        resolve({
          status: response.statusCode ?? 0,
          retryAfter: (response.headers['retry-after'] as string | undefined) ?? null,
          text: Buffer.concat(chunks).toString('utf8'),
        }),
      );
    });
    outgoing.on('error', (error) => reject(failure(signal, error)));
    void (async () => {
      try {
        for await (const chunk of body) {
          if (outgoing.destroyed) return;
          if (!outgoing.write(chunk)) await new Promise<void>((done) => outgoing.once('drain', done).once('close', done));
        }
        outgoing.end();
      } catch (error) {
        outgoing.destroy(error as Error);
      }
    })();
  });
}

/**
 * Reads `POST /v1/quotes`. Asked with `Accept: application/x-ndjson`, the server writes one
 * line per provider as soon as that provider answers, each line a `QuoteResponse` of its
 * own; an older server (or a proxy) answers one JSON object, read the same way.
 *
 * The offers so far keep their order as more arrive: what arrives together (all of a cached
 * quote) is sorted cheapest first, and goes after what is already shown, which never moves.
 */
import type { QuoteResponse } from '../../../contract/types.ts';

export const QUOTE_STREAM_TYPE = 'application/x-ndjson';

/** Appends what arrived together, cheapest first (as the JSON answer is), after what came before. */
function append(soFar: QuoteResponse, parts: QuoteResponse[]): QuoteResponse {
  const offers = parts.flatMap((part) => part.offers).sort((left, right) => left.price.amount - right.price.amount);
  return { offers: [...soFar.offers, ...offers], unavailable: [...soFar.unavailable, ...parts.flatMap((part) => part.unavailable)] };
}

export async function readQuoteStream(response: Response, onProgress?: (soFar: QuoteResponse) => void): Promise<QuoteResponse> {
  if (!response.headers.get('Content-Type')?.startsWith(QUOTE_STREAM_TYPE) || !response.body)
    return (await response.json()) as QuoteResponse;
  let soFar: QuoteResponse = { offers: [], unavailable: [] };
  let pending = '';
  /** The lines of one read, told as one step: what arrived together is drawn together. */
  const take = (lines: string[]) => {
    const parts = lines.filter((line) => line.trim()).map((line) => JSON.parse(line) as QuoteResponse);
    if (parts.length === 0) return;
    soFar = append(soFar, parts);
    onProgress?.(soFar);
  };
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    const lines = (pending + value).split('\n');
    pending = lines.pop()!;
    take(lines);
  }
  take([pending]);
  return soFar;
}

/**
 * The widget as a browser receives it from our server: the bytes on the wire with
 * `Accept-Encoding: br, gzip`, the encoding chosen and the caching headers, for the
 * unpinned entry and for the pinned (versioned) one.
 */
import { request } from 'node:http';

export interface WireFigures {
  path: string;
  status: number;
  bytesOnWire: number;
  contentEncoding: string;
  cacheControl: string;
  vary: string;
}

/** A raw GET (no decompression, unlike fetch) counting the body's bytes as sent. */
export function fetchOnWire(baseUrl: string, path: string, acceptEncoding = 'br, gzip'): Promise<WireFigures> {
  return new Promise((resolve, reject) => {
    const outgoing = request(`${baseUrl}${path}`, { headers: { 'Accept-Encoding': acceptEncoding } }, (response) => {
      let bytesOnWire = 0;
      response.on('data', (chunk: Buffer) => (bytesOnWire += chunk.length));
      response.on('end', () =>
        resolve({
          path,
          status: response.statusCode ?? 0,
          bytesOnWire,
          contentEncoding: String(response.headers['content-encoding'] ?? 'identity'),
          cacheControl: String(response.headers['cache-control'] ?? ''),
          vary: String(response.headers.vary ?? ''),
        }),
      );
      response.on('error', reject);
    });
    outgoing.on('error', reject);
    outgoing.end();
  });
}

/** Immutable for a year: what a versioned file must be served with. */
export const isImmutableForAYear = (cacheControl: string) => /\bimmutable\b/.test(cacheControl) && /max-age=31536000\b/.test(cacheControl);

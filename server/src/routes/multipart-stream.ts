/**
 * A streaming `multipart/form-data` reader: parts are read as they arrive, so a 50 MB
 * video is never held whole in memory (Request.formData() would buffer all of it).
 * Every part and the whole request are capped, skipped parts included: a part the caller
 * does not want is still read through, and must not be a way around the limits.
 */
export class MultipartError extends Error {
  override name = 'MultipartError';
}

/** The request went past one of its limits; reading stopped there. */
export class MultipartLimitError extends MultipartError {
  override name = 'MultipartLimitError';
  constructor(
    readonly limit: 'total' | 'part' | 'parts',
    /** The part that went past its limit (for `part`). */
    readonly part?: string,
  ) {
    super(`multipart ${limit} limit exceeded`);
  }
}

export interface MultipartLimits {
  /** Bytes in the whole body, framing included. */
  maxTotalBytes?: number;
  /** Bytes in one part's body: a number, or one per part (by its name and type). */
  maxPartBytes?: number | ((part: { name: string; filename: string | null; contentType: string }) => number);
  /** Parts in the body. */
  maxParts?: number;
}

/** Limits for callers that name none: small form fields. */
export const DEFAULT_MULTIPART_LIMITS = { maxTotalBytes: 1024 * 1024, maxPartBytes: 64 * 1024, maxParts: 20 } as const;

export interface MultipartPart {
  name: string;
  filename: string | null;
  contentType: string;
  /** The part's bytes; read it (or not) before asking for the next part. */
  body: AsyncGenerator<Uint8Array>;
}

const MAX_HEADER_BYTES = 16 * 1024;

export function boundaryOf(contentType: string): string | null {
  if (!/^multipart\/form-data\s*;/i.test(contentType)) return null;
  const match = /;\s*boundary=(?:"([^"]{1,70})"|([^\s;"]{1,70}))/i.exec(contentType);
  return match ? (match[1] ?? match[2] ?? null) : null;
}

function parseHeaders(text: string): { name: string; filename: string | null; contentType: string } {
  const headers = new Map<string, string>();
  for (const line of text.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  const disposition = headers.get('content-disposition') ?? '';
  if (!/^form-data\b/i.test(disposition)) throw new MultipartError('a part has no form-data disposition');
  const parameter = (key: string) => new RegExp(`;\\s*${key}="([^"]*)"`, 'i').exec(disposition)?.[1] ?? null;
  return {
    name: parameter('name') ?? '',
    filename: parameter('filename'),
    contentType: (headers.get('content-type') ?? 'text/plain').split(';')[0]!.trim().toLowerCase(),
  };
}

export async function* readMultipart(
  stream: ReadableStream<Uint8Array>,
  boundary: string,
  limits: MultipartLimits = {},
): AsyncGenerator<MultipartPart> {
  const {
    maxTotalBytes = DEFAULT_MULTIPART_LIMITS.maxTotalBytes,
    maxPartBytes = DEFAULT_MULTIPART_LIMITS.maxPartBytes,
    maxParts = DEFAULT_MULTIPART_LIMITS.maxParts,
  } = limits;
  const reader = stream.getReader();
  let buffer: Buffer = Buffer.alloc(0);
  let totalBytes = 0;
  let partCount = 0;
  const more = async (): Promise<void> => {
    const { done, value } = await reader.read();
    if (done) throw new MultipartError('the body ended inside a part');
    totalBytes += value.byteLength;
    if (totalBytes > maxTotalBytes) throw new MultipartLimitError('total');
    buffer = buffer.length > 0 ? Buffer.concat([buffer, value]) : Buffer.from(value.buffer, value.byteOffset, value.byteLength);
  };
  const opening = Buffer.from(`--${boundary}`);
  const delimiter = Buffer.from(`\r\n--${boundary}`);

  let start: number;
  while ((start = buffer.indexOf(opening)) === -1) {
    if (buffer.length > MAX_HEADER_BYTES) throw new MultipartError('no opening boundary');
    await more();
  }
  buffer = buffer.subarray(start + opening.length);
  try {
    for (;;) {
      while (buffer.length < 2) await more();
      if (buffer[0] === 0x2d && buffer[1] === 0x2d) return; // "--": the closing boundary
      let headerEnd: number;
      while ((headerEnd = buffer.indexOf('\r\n\r\n')) === -1) {
        if (buffer.length > MAX_HEADER_BYTES) throw new MultipartError('part headers too large');
        await more();
      }
      if (++partCount > maxParts) throw new MultipartLimitError('parts');
      const headers = parseHeaders(buffer.subarray(0, headerEnd).toString('utf8'));
      buffer = buffer.subarray(headerEnd + 4);
      const partLimit = typeof maxPartBytes === 'function' ? maxPartBytes(headers) : maxPartBytes;
      let partBytes = 0;
      const counted = (chunk: Buffer): Buffer => {
        partBytes += chunk.length;
        if (partBytes > partLimit) throw new MultipartLimitError('part', headers.name);
        return chunk;
      };
      let finished = false;
      const body = async function* (): AsyncGenerator<Uint8Array> {
        for (;;) {
          const end = buffer.indexOf(delimiter);
          if (end !== -1) {
            if (end > 0) yield counted(buffer.subarray(0, end));
            buffer = buffer.subarray(end + delimiter.length);
            finished = true;
            return;
          }
          // Keep a tail that could be the start of a delimiter split across chunks.
          const keep = delimiter.length - 1;
          if (buffer.length > keep) {
            const chunk = buffer.subarray(0, buffer.length - keep);
            buffer = buffer.subarray(buffer.length - keep);
            yield counted(chunk);
          }
          await more();
        }
      };
      const part: MultipartPart = { ...headers, body: body() };
      yield part;
      if (!finished) for await (const skipped of part.body) void skipped;
    }
  } finally {
    reader.releaseLock();
  }
}

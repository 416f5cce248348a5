/**
 * The body of `POST /v1/claims/ocr/verify`, streamed: JSON whose two images are base64 of
 * files on disk, encoded a chunk at a time as the request is sent. Two 10 MB photos are
 * 27 MB of base64; built as one string they would sit in memory three times over.
 */
import type { ClaimFile } from '../types.ts';

export interface VerifyFields {
  session_token: string;
  claim_ref: string;
  claim_type: string;
  mode: 'AUTO' | 'STRICT' | 'LENIENT';
}

/** base64 of a byte stream, in pieces: a chunk's last 0–2 bytes wait for the next chunk's. */
async function* base64Of(stream: ReadableStream<Uint8Array>): AsyncGenerator<Uint8Array> {
  let carry: Buffer = Buffer.alloc(0);
  for await (const chunk of stream as unknown as AsyncIterable<Uint8Array>) {
    const bytes = carry.length > 0 ? Buffer.concat([carry, chunk]) : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    const whole = bytes.length - (bytes.length % 3);
    if (whole > 0) yield Buffer.from(bytes.subarray(0, whole).toString('base64'), 'latin1');
    carry = Buffer.from(bytes.subarray(whole));
  }
  if (carry.length > 0) yield Buffer.from(carry.toString('base64'), 'latin1');
}

async function* verifyBodyParts(fields: VerifyFields, invoice: ClaimFile, frontPanel: ClaimFile): AsyncGenerator<Uint8Array> {
  const text = (value: string) => Buffer.from(value, 'utf8');
  // The small fields first, as JSON.stringify writes them; then each image as a JSON string.
  yield text(`${JSON.stringify(fields).slice(0, -1)},"images":{"invoice":"`);
  yield* base64Of(invoice.open());
  yield text('","front_panel":"');
  yield* base64Of(frontPanel.open());
  yield text('"}}');
}

/** The request body as a stream that reads the files only as fast as the provider takes them. */
export function verifyBody(fields: VerifyFields, invoice: ClaimFile, frontPanel: ClaimFile): ReadableStream<Uint8Array> {
  const parts = verifyBodyParts(fields, invoice, frontPanel);
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await parts.next();
      if (next.done) controller.close();
      else controller.enqueue(next.value);
    },
    async cancel() {
      await parts.return(undefined);
    },
  });
}

/** The exact byte length of that body, so it can be sent with a Content-Length. */
export function verifyBodyLength(fields: VerifyFields, invoice: ClaimFile, frontPanel: ClaimFile): number {
  const base64Length = (size: number) => Math.ceil(size / 3) * 4;
  const framing = `${JSON.stringify(fields).slice(0, -1)},"images":{"invoice":"","front_panel":""}}`;
  return Buffer.byteLength(framing) + base64Length(invoice.size) + base64Length(frontPanel.size);
}

/**
 * The activation command carries the video as base64 inside JSON. Building that string
 * would hold a 50 MB video in memory twice (bytes and base64); instead the JSON is
 * streamed: text before the video, the video encoded chunk by chunk, text after.
 */
import { randomUUID } from 'node:crypto';

/** Splits `JSON.stringify(body)` around the field `videoField`, whose value is streamed in. */
export function jsonAroundVideo(body: unknown, setVideo: (body: unknown, marker: string) => void): { before: string; after: string } {
  const marker = `video-${randomUUID()}`;
  setVideo(body, marker);
  const text = JSON.stringify(body);
  const [before, after] = text.split(`"${marker}"`);
  if (before === undefined || after === undefined) throw new Error('video marker not found in the command body');
  return { before: `${before}"`, after: `"${after}` };
}

/** A byte stream of `before + base64(video) + after`. */
export function streamJsonWithBase64(before: string, video: ReadableStream<Uint8Array>, after: string): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const reader = video.getReader();
  // Base64 encodes 3 bytes at a time: up to 2 bytes wait for the next chunk.
  let carry: Buffer = Buffer.alloc(0);
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(before));
    },
    // A pull that enqueues nothing is not called again: read until there is something to give.
    async pull(controller) {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) {
          if (carry.length > 0) controller.enqueue(encoder.encode(carry.toString('base64')));
          controller.enqueue(encoder.encode(after));
          controller.close();
          return;
        }
        const bytes = carry.length > 0 ? Buffer.concat([carry, value]) : Buffer.from(value.buffer, value.byteOffset, value.byteLength);
        const usable = bytes.length - (bytes.length % 3);
        carry = Buffer.from(bytes.subarray(usable));
        if (usable > 0) {
          controller.enqueue(encoder.encode(bytes.subarray(0, usable).toString('base64')));
          return;
        }
      }
    },
    cancel(reason) {
      return reader.cancel(reason);
    },
  });
}

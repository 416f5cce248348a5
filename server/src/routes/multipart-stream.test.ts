import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { boundaryOf, MultipartError, MultipartLimitError, readMultipart, type MultipartLimits } from './multipart-stream.ts';

const boundary = '----coverkitBoundary7MA4YWxk';

function body(parts: { name: string; type?: string; content: Uint8Array }[]): Buffer {
  const pieces: Buffer[] = [Buffer.from('preamble to ignore\r\n')];
  for (const part of parts) {
    const filename = part.type ? `; filename="clip.bin"` : '';
    const type = part.type ? `\r\nContent-Type: ${part.type}` : '';
    pieces.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${part.name}"${filename}${type}\r\n\r\n`),
      Buffer.from(part.content),
      Buffer.from('\r\n'),
    );
  }
  pieces.push(Buffer.from(`--${boundary}--\r\n`));
  return Buffer.concat(pieces);
}

function chunked(bytes: Buffer, sizes: number[]): ReadableStream<Uint8Array> {
  let offset = 0;
  let index = 0;
  return new ReadableStream({
    pull(controller) {
      if (offset >= bytes.length) return controller.close();
      const size = Math.max(1, sizes[index++ % sizes.length]!);
      controller.enqueue(new Uint8Array(bytes.subarray(offset, offset + size)));
      offset += size;
    },
  });
}

async function collect(stream: ReadableStream<Uint8Array>) {
  const parts: { name: string; contentType: string; content: Buffer }[] = [];
  for await (const part of readMultipart(stream, boundary)) {
    const chunks: Uint8Array[] = [];
    for await (const chunk of part.body) chunks.push(chunk);
    parts.push({ name: part.name, contentType: part.contentType, content: Buffer.concat(chunks) });
  }
  return parts;
}

describe('readMultipart', () => {
  it('reads every part exactly, however the body is cut into chunks', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 600 }),
        fc.array(fc.integer({ min: 1, max: 97 }), { minLength: 1, maxLength: 8 }),
        async (video, sizes) => {
          // A body that contains the boundary text without its leading CRLF must not end the part.
          const content = Buffer.concat([Buffer.from(video), Buffer.from(`--${boundary}`), Buffer.from(video)]);
          const parts = await collect(
            chunked(
              body([
                { name: 'note', content: Buffer.from('hello') },
                { name: 'video', type: 'video/mp4', content },
              ]),
              sizes,
            ),
          );
          assert.deepEqual(
            parts.map((part) => [part.name, part.contentType]),
            [
              ['note', 'text/plain'],
              ['video', 'video/mp4'],
            ],
          );
          assert.ok(parts[1]!.content.equals(content));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('skips parts nobody reads', async () => {
    const names: string[] = [];
    for await (const part of readMultipart(
      chunked(
        body([
          { name: 'a', content: Buffer.alloc(300, 1) },
          { name: 'video', type: 'video/webm', content: Buffer.from('v') },
        ]),
        [5],
      ),
      boundary,
    ))
      names.push(part.name);
    assert.deepEqual(names, ['a', 'video']);
  });

  describe('limits: every part and the whole request, read or skipped', () => {
    async function namesUnder(parts: Parameters<typeof body>[0], limits?: MultipartLimits) {
      const names: string[] = [];
      for await (const part of readMultipart(chunked(body(parts), [64]), boundary, limits)) names.push(part.name);
      return names;
    }
    const refusedFor = (limit: string, part?: string) => (error: unknown) =>
      error instanceof MultipartLimitError && error.limit === limit && error.part === part;
    const video = { name: 'video', type: 'video/mp4', content: Buffer.alloc(500, 3) };
    const perPart = { maxPartBytes: (part: { name: string }) => (part.name === 'video' ? 1000 : 100) };

    it('caps a part nobody reads, before the part that is wanted', async () => {
      assert.deepEqual(await namesUnder([{ name: 'note', content: Buffer.alloc(100, 1) }, video], perPart), ['note', 'video']);
      await assert.rejects(namesUnder([{ name: 'junk', content: Buffer.alloc(101, 1) }, video], perPart), refusedFor('part', 'junk'));
      await assert.rejects(namesUnder([{ ...video, content: Buffer.alloc(1001, 3) }], perPart), refusedFor('part', 'video'));
    });

    it('caps the whole body, however small each part', async () => {
      const small = Array.from({ length: 6 }, (_, index) => ({ name: `field${index}`, content: Buffer.alloc(90, 1) }));
      await assert.rejects(namesUnder(small, { ...perPart, maxTotalBytes: 400 }), refusedFor('total'));
    });

    it('caps the number of parts', async () => {
      const many = Array.from({ length: 5 }, (_, index) => ({ name: `field${index}`, content: Buffer.from('x') }));
      assert.equal((await namesUnder(many, { maxParts: 5 })).length, 5);
      await assert.rejects(namesUnder(many, { maxParts: 4 }), refusedFor('parts'));
    });

    it('has limits when the caller names none', async () => {
      await assert.rejects(namesUnder([{ name: 'big', content: Buffer.alloc(65 * 1024, 1) }]), refusedFor('part', 'big'));
      const parts = Array.from({ length: 21 }, (_, index) => ({ name: `field${index}`, content: Buffer.from('x') }));
      await assert.rejects(namesUnder(parts), refusedFor('parts'));
    });
  });

  it('refuses a body cut short inside a part', async () => {
    const truncated = body([{ name: 'video', type: 'video/mp4', content: Buffer.alloc(100, 2) }]).subarray(0, 150);
    await assert.rejects(collect(chunked(truncated, [16])), MultipartError);
  });

  it('reads the boundary from the content type', () => {
    assert.equal(boundaryOf(`multipart/form-data; boundary=${boundary}`), boundary);
    assert.equal(boundaryOf('multipart/form-data; charset=utf-8; boundary="quoted value"'), 'quoted value');
    assert.equal(boundaryOf('application/json'), null);
    assert.equal(boundaryOf('multipart/form-data'), null);
  });
});

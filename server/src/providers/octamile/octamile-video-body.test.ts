import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { jsonAroundVideo, streamJsonWithBase64 } from './octamile-video-body.ts';

function streamOf(bytes: Uint8Array, sizes: number[]): ReadableStream<Uint8Array> {
  let offset = 0;
  let index = 0;
  return new ReadableStream({
    pull(controller) {
      if (offset >= bytes.length) return controller.close();
      const size = sizes[index++ % sizes.length]!;
      controller.enqueue(bytes.slice(offset, offset + size));
      offset += size;
    },
  });
}

describe('streamJsonWithBase64', () => {
  it('produces the same JSON as encoding the whole video at once, for any chunking', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 400 }),
        fc.array(fc.integer({ min: 1, max: 50 }), { minLength: 1, maxLength: 6 }),
        fc.string(),
        async (video, sizes, name) => {
          const command = { cmmnd: { cmmnd: 'x*VVNN: updt', seed: { name: [name, '"quoted"'], verificationVideo: '' } } };
          const { before, after } = jsonAroundVideo(
            command,
            (body, marker) => ((body as typeof command).cmmnd.seed.verificationVideo = marker),
          );
          const text = await new Response(streamJsonWithBase64(before, streamOf(video, sizes), after)).text();
          const parsed = JSON.parse(text);
          assert.equal(parsed.cmmnd.seed.verificationVideo, Buffer.from(video).toString('base64'));
          assert.deepEqual(parsed.cmmnd.seed.name, [name, '"quoted"']);
        },
      ),
      { numRuns: 80 },
    );
  });
});

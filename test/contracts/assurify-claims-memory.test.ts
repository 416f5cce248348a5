/**
 * A 10 MB photo goes from the shopper to Assurify without the server holding it: the upload
 * streams to a temporary file, and the verify request base64-encodes it from there as it is
 * sent. The server runs in a child process that collects garbage every 100 ms and reports
 * what stays live, the sandbox in another (its JSON parsing is not ours). While a 10 MB photo
 * goes through, live memory grows far less than the photo (held whole it would be 10 MB of
 * bytes, 13 MB of base64, and that again inside the JSON body), and resident memory, which
 * also counts the allocator's not-yet-returned pages, stays bounded.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { request } from 'node:http';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { activeAssurifyOrder, BOUNDARY, claimPart, JPEG } from '../../server/src/claims/claims-test-kit.ts';
import { ASSURIFY_SANDBOX_SECRET_KEY, ASSURIFY_SANDBOX_WEBHOOK_SECRET } from '../../server/src/providers/assurify/assurify-config.ts';
import { freePort, type TestServer } from '../../server/src/testing/test-server.ts';

const PHOTO_BYTES = 10 * 1024 * 1024;
const MB = 1024 * 1024;

async function startChild(script: string, args: string[], execArgv: string[] = []): Promise<{ child: ChildProcess; port: string }> {
  const child = spawn(process.execPath, [...execArgv, '--import', 'tsx', path.join(import.meta.dirname, script), ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, MALLOC_ARENA_MAX: '1' },
  });
  let port: string | undefined;
  while (!port) {
    const [data] = (await once(child.stdout!, 'data')) as [Buffer];
    port = /listening (\d+)/.exec(data.toString())?.[1];
  }
  return { child, port };
}

/** The server child's `live` samples, as they arrive. */
function watchMemory(child: ChildProcess): { samples: { live: number; rss: number }[] } {
  const watch = { samples: [] as { live: number; rss: number }[] };
  child.stdout!.on('data', (data: Buffer) => {
    for (const match of data.toString().matchAll(/live (\d+) (\d+)/g))
      watch.samples.push({ live: Number(match[1]), rss: Number(match[2]) });
  });
  return watch;
}

/** Sends the claim with its 10 MB photo made as it is written, waiting whenever the socket is full. */
function sendClaim(baseUrl: string, orderId: string, photoBytes: number): Promise<{ status: number; json: any }> {
  const chunk = Buffer.alloc(64 * 1024, 0x5a);
  const head = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return new Promise((resolve, reject) => {
    const outgoing = request(
      `${baseUrl}/v1/orders/${orderId}/claims`,
      {
        method: 'POST',
        headers: {
          Authorization: 'Bearer sk_test_demo',
          'Idempotency-Key': `memory-${photoBytes}`,
          'Content-Type': `multipart/form-data; boundary=${BOUNDARY}`,
        },
      },
      (response) => {
        let text = '';
        response.on('data', (data) => (text += data));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, json: JSON.parse(text) }));
      },
    );
    outgoing.on('error', reject);
    const write = async (data: Buffer) => {
      if (!outgoing.write(data)) await once(outgoing, 'drain');
    };
    void (async () => {
      await write(Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="claim"\r\n\r\n${JSON.stringify(claimPart)}\r\n`));
      await write(
        Buffer.from(
          `--${BOUNDARY}\r\nContent-Disposition: form-data; name="invoice"; filename="i.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`,
        ),
      );
      await write(JPEG);
      await write(
        Buffer.from(
          `\r\n--${BOUNDARY}\r\nContent-Disposition: form-data; name="photo"; filename="p.png"\r\nContent-Type: image/png\r\n\r\n`,
        ),
      );
      await write(head);
      for (let sent = head.length; sent < photoBytes; sent += chunk.length)
        await write(chunk.subarray(0, Math.min(chunk.length, photoBytes - sent)));
      outgoing.end(`\r\n--${BOUNDARY}--\r\n`);
    })();
  });
}

describe('a 10 MB claim photo, server memory', { skip: process.platform !== 'linux' && 'reads /proc' }, () => {
  let sandbox: ChildProcess | undefined;
  let server: ChildProcess | undefined;
  let baseUrl = '';
  before(async () => {
    const port = await freePort();
    const simulator = await startChild('assurify-claims-sandbox-child.ts', [
      `http://127.0.0.1:${port}/v1/webhooks/assurify`,
      ASSURIFY_SANDBOX_WEBHOOK_SECRET,
      ASSURIFY_SANDBOX_SECRET_KEY,
    ]);
    sandbox = simulator.child;
    const started = await startChild(
      'assurify-claims-server-child.ts',
      [
        String(port),
        `ASSURIFY_BASE_URL=http://127.0.0.1:${simulator.port}`,
        `ASSURIFY_SECRET_KEY=${ASSURIFY_SANDBOX_SECRET_KEY}`,
        `ASSURIFY_WEBHOOK_SECRET=${ASSURIFY_SANDBOX_WEBHOOK_SECRET}`,
      ],
      ['--expose-gc'],
    );
    server = started.child;
    baseUrl = `http://127.0.0.1:${started.port}`;
  });
  after(() => {
    server?.kill('SIGTERM');
    sandbox?.kill('SIGTERM');
  });

  it('stays flat while the photo streams in and out', async () => {
    const order = await activeAssurifyOrder({ baseUrl, origin: baseUrl } as TestServer, 'memory');
    // A small claim first, so the code paths are loaded and warm.
    assert.equal((await sendClaim(baseUrl, order.id, 4096)).status, 201);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const memory = watchMemory(server!);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const before = memory.samples.at(-1)!;
    const from = memory.samples.length;
    const created = await sendClaim(baseUrl, order.id, PHOTO_BYTES);
    await new Promise((resolve) => setTimeout(resolve, 150));
    assert.equal(created.status, 201, JSON.stringify(created.json));
    assert.equal(created.json.claim.status, 'approved');
    const during = memory.samples.slice(from);
    assert.ok(during.length >= 3, 'sampled while the claim went through');
    const liveGrowth = (Math.max(...during.map((sample) => sample.live)) - before.live) / MB;
    const rssGrowth = (Math.max(...during.map((sample) => sample.rss)) - before.rss) / MB;
    // Held whole, the photo is 10 MB and its base64 JSON body 27 MB more, live at once: at least
    // 37 MB. Streamed, a sample sees a few chunks in flight (more on a busy machine, whose
    // background sweeper frees buffers late), never the photo.
    assert.ok(liveGrowth < 24, `live memory grew ${liveGrowth.toFixed(1)} MB for a 10 MB photo`);
    assert.ok(rssGrowth < 64, `resident memory grew ${rssGrowth.toFixed(1)} MB for a 10 MB photo`);
  });
});

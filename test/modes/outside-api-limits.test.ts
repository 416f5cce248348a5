/**
 * One body limit for every route outside /v1 too (issue 12, finding 7): a 300 MB POST to the
 * demo's checkout, the fault controls or a sandbox is refused with 413 early, without the
 * server buffering it (it once took the process from 118 MB to 1 GB).
 */
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { startTestServer, type TestServer } from '../../server/src/testing/test-server.ts';

const MB = 1024 * 1024;

/** Streams up to `total` bytes (chunked, or with a declared length) until the server answers. */
async function streamBody(url: string, total: number, declareLength: boolean) {
  const target = new URL(url);
  const chunk = Buffer.alloc(256 * 1024, 0x7b);
  let sent = 0;
  let answered = false;
  return new Promise<{ status: number; sent: number; body: string }>((resolve, reject) => {
    const outgoing = request(
      {
        host: target.hostname,
        port: target.port,
        path: target.pathname,
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          Origin: target.origin,
          ...(declareLength ? { 'Content-Length': String(total) } : { 'Transfer-Encoding': 'chunked' }),
        },
      },
      (response) => {
        answered = true;
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (text: string) => (body += text));
        response.on('end', () => {
          outgoing.destroy();
          resolve({ status: response.statusCode ?? 0, sent, body });
        });
      },
    );
    outgoing.on('error', (error) => (answered ? undefined : reject(error)));
    const pump = () => {
      while (!answered && sent < total) {
        sent += chunk.length;
        if (!outgoing.write(chunk)) return void outgoing.once('drain', pump);
      }
      if (!answered) outgoing.end();
    };
    pump();
  });
}

describe('body limits outside /v1', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
  });
  after(() => server.close());

  for (const path of ['/demo/api/checkout', '/sandbox/_faults']) {
    it(`a streamed 300 MB POST to ${path} is refused with 413 early, without buffering`, async () => {
      global.gc?.();
      const before = process.memoryUsage().rss;
      const answer = await streamBody(`${server.baseUrl}${path}`, 300 * MB, false);
      const grown = process.memoryUsage().rss - before;
      assert.equal(answer.status, 413, answer.body);
      assert.match(answer.body, /payload_too_large/);
      assert.ok(answer.sent < 64 * MB, `stopped early (sent ${Math.round(answer.sent / MB)} MB)`);
      assert.ok(grown < 100 * MB, `memory grew by ${Math.round(grown / MB)} MB`);
    });
  }

  for (const path of ['/demo/api/checkout', '/sandbox/_faults', '/sandbox/octamile', '/sandbox/bigfix/adld-policy/']) {
    it(`a declared 300 MB body to ${path} is refused with 413 before it is read`, async () => {
      const answer = await streamBody(`${server.baseUrl}${path}`, 300 * MB, true);
      assert.equal(answer.status, 413, answer.body);
      assert.ok(answer.sent < 64 * MB, `stopped early (sent ${Math.round(answer.sent / MB)} MB)`);
    });
  }
});

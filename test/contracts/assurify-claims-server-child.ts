/**
 * A Coverkit test server alone in a child process, so a test can watch its memory without
 * counting the test's own buffers. Every 100 ms it collects garbage and prints what stays
 * live (`live <heapUsed + arrayBuffers> <rss>`): garbage not yet collected is not memory held.
 * argv: port, then KEY=VALUE environment pairs. Prints `listening <port>` when ready.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startTestServer } from '../../server/src/testing/test-server.ts';

const [port = '0', ...pairs] = process.argv.slice(2);
const environment = Object.fromEntries(pairs.map((pair) => [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)]));
const server = await startTestServer(environment, { port: Number(port), dataDir: mkdtempSync(path.join(tmpdir(), 'coverkit-memory-')) });
const collect = (globalThis as { gc?: () => void }).gc;
setInterval(() => {
  collect?.();
  const usage = process.memoryUsage();
  process.stdout.write(`live ${usage.heapUsed + usage.arrayBuffers} ${usage.rss}\n`);
}, 100).unref();
process.stdout.write(`listening ${server.port}\n`);
process.on('SIGTERM', () => void server.close().then(() => process.exit(0)));

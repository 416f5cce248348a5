/**
 * The servers under load run as child processes, so autocannon (in this process) never
 * shares their event loop. Every child is killed when the bench exits, on error too.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from '../server/src/testing/test-server.ts';

const STARTUP_TIMEOUT_MS = 20_000;
const children = new Set<ChildProcess>();
const temporaryFolders = new Set<string>();

function cleanUp() {
  for (const child of children) child.kill('SIGKILL');
  for (const folder of temporaryFolders) rmSync(folder, { recursive: true, force: true });
}
process.on('exit', cleanUp);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    cleanUp();
    process.exit(130);
  });
}

export interface ChildServer {
  baseUrl: string;
  port: number;
  pid: number;
  /** Resident memory of the child, from `ps` (KB → bytes). */
  residentBytes(): number;
  /** Log lines so far of provider calls that met a rate limit (429 or the provider's own code). */
  rateLimitedLines(): number;
  stop(): Promise<void>;
}

/** Starts `node --import tsx <script>` with PORT set and waits until it answers `readyPath`. */
async function startChild(script: string, environment: Record<string, string>, readyPath: string, port: number): Promise<ChildServer> {
  // Logs are drained (an undrained pipe would stall the child) and only scanned for provider
  // rate limits: a quote that met a 429 logs `"failure":"rate_limited"`.
  const child = spawn(process.execPath, ['--import', 'tsx', script], {
    env: { ...process.env, ...environment, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  let rateLimitedLines = 0;
  let partialLine = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    const lines = (partialLine + chunk.toString()).split('\n');
    partialLine = lines.pop()!;
    for (const line of lines) if (line.includes('"rate_limited"')) rateLimitedLines++;
  });
  let errorOutput = '';
  child.stderr!.on('data', (chunk: Buffer) => void (errorOutput = (errorOutput + chunk.toString()).slice(-4000)));
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${script} exited with ${child.exitCode}:\n${errorOutput}`);
    if (Date.now() > deadline) throw new Error(`${script} did not answer within ${STARTUP_TIMEOUT_MS} ms:\n${errorOutput}`);
    try {
      if ((await fetch(`${baseUrl}${readyPath}`)).ok) break;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    baseUrl,
    port,
    pid: child.pid!,
    rateLimitedLines: () => rateLimitedLines,
    residentBytes: () => Number(execFileSync('ps', ['-o', 'rss=', '-p', String(child.pid)], { encoding: 'utf8' }).trim()) * 1024,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        const forced = setTimeout(() => child.kill('SIGKILL'), 5000);
        await exited;
        clearTimeout(forced);
      }
      children.delete(child);
    },
  };
}

/** A folder removed when the bench exits. */
export function temporaryFolder(): string {
  const folder = mkdtempSync(path.join(tmpdir(), 'coverkit-bench-'));
  temporaryFolders.add(folder);
  return folder;
}

/**
 * The real server (`server/src/index.ts`) as configured, with its own empty data folder.
 * `environment` may depend on the port (allowed origins do).
 */
export async function startCoverkit(environment: (port: number) => Record<string, string> = () => ({})): Promise<ChildServer> {
  const port = await freePort();
  // The limiter is per key + address and every bench request comes from one address.
  const settings = { COVERKIT_DATA_DIR: temporaryFolder(), COVERKIT_RATE_LIMIT_PER_MINUTE: '1000000', ...environment(port) };
  return startChild('server/src/index.ts', settings, '/v1/health', port);
}

/** The baseline: a bare Hono route on @hono/node-server, nothing else. */
export async function startBareHono(): Promise<ChildServer> {
  return startChild('bench/bare-hono-server.ts', {}, '/', await freePort());
}

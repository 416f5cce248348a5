/**
 * A Coverkit server in a child process of its own (so a test can SIGKILL it), and calls to it:
 * what the two-instances tests share.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { freePort } from '../../server/src/testing/test-server.ts';

export interface ServerProcess {
  name: string;
  child: ChildProcess;
  base: string;
  /** Everything it wrote to stdout and stderr so far (its JSON log lines). */
  output: () => string;
}

/** Starts `server/src/index.ts` with exactly `env` (plus its port) and waits for its "listening" line. */
export async function startServerProcess(name: string, env: NodeJS.ProcessEnv, startTimeoutMs = 30_000): Promise<ServerProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/index.ts'], {
    env: { ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  for (const deadline = Date.now() + startTimeoutMs; !output.includes('"listening"');) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`${name} did not start: ${output.slice(-800)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return { name, child, base: `http://127.0.0.1:${port}`, output: () => output };
}

/** One /v1 call: a publishable key is sent from the instance's own origin, as a browser would. */
export async function callServer(
  instance: ServerProcess,
  key: string,
  method: string,
  route: string,
  body?: unknown,
  headers: Record<string, string> = {},
) {
  const response = await fetch(`${instance.base}${route}`, {
    method,
    headers: {
      Authorization: `Bearer ${key}`,
      ...(key.startsWith('pk_') ? { Origin: instance.base } : {}),
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, json: (await response.json()) as any };
}

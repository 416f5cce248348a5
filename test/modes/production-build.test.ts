/**
 * Production as the README tells it: the built output (dist/) with package.json and the lockfile
 * in a fresh folder, `npm ci --omit=dev`, then `node dist/server/index.js` in live mode against an
 * https provider. Nothing from the development tools (tsx, vite, TypeScript, the test runners)
 * may be installed there, and the server must not need them. Skipped, saying why, when the npm
 * registry cannot be reached.
 */
import assert from 'node:assert/strict';
import { execFile, execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { after, before, describe, it } from 'node:test';
import { serve, type ServerType } from '@hono/node-server';
import { createBigfixSandbox } from '../../server/src/sandbox/bigfix/bigfix-sandbox.ts';
import { freePort } from '../../server/src/testing/test-server.ts';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');
const BIGFIX_KEY = 'bfx_live_prod_build_1';
/** better-sqlite3 compiles from source on install here (~2 min on a busy machine). */
const NPM_CI_TIMEOUT_MS = 9 * 60_000;
const DEV_ONLY = ['tsx', 'vite', 'typescript', '@web/test-runner', '@web/dev-server-esbuild', 'esbuild', 'prettier', 'playwright-core'];

/** npm's environment without what the test runner added (tsx's loader must not leak into npm or the server). */
function npmEnvironment(): NodeJS.ProcessEnv {
  const { NODE_OPTIONS: _nodeOptions, ...rest } = process.env;
  return { ...rest, npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false' };
}

async function registryReachable(): Promise<string | null> {
  try {
    await run('npm', ['ping'], { timeout: 20_000, env: npmEnvironment() });
    return null;
  } catch (error) {
    return `the npm registry cannot be reached (npm ping: ${String((error as Error).message).split('\n')[0]})`;
  }
}

const unreachable = await registryReachable();

describe('the production build, installed without development dependencies', { skip: unreachable ?? false, timeout: 12 * 60_000 }, () => {
  let folder: string;
  let sandbox: ServerType;
  let child: ChildProcess | undefined;
  let baseUrl: string;
  let output = '';

  before(async () => {
    if (!existsSync(path.join(root, 'dist/server/index.js'))) execFileSync(process.execPath, ['scripts/build-server.mjs'], { cwd: root });
    folder = mkdtempSync(path.join(tmpdir(), 'coverkit-prod-'));
    const app = path.join(folder, 'app');
    for (const file of ['package.json', 'package-lock.json', '.npmrc']) cpSync(path.join(root, file), path.join(app, file));
    cpSync(path.join(root, 'dist'), path.join(app, 'dist'), { recursive: true });
    await run('npm', ['ci', '--omit=dev', '--ignore-scripts=false', '--prefer-offline', '--no-audit', '--no-fund'], {
      cwd: app,
      timeout: NPM_CI_TIMEOUT_MS,
      env: npmEnvironment(),
      maxBuffer: 16 * 1024 * 1024,
    });

    execFileSync(
      'openssl',
      ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', `${folder}/key.pem`, '-out', `${folder}/cert.pem`, '-days', '1'].concat([
        '-subj',
        '/CN=127.0.0.1',
        '-addext',
        'subjectAltName=IP:127.0.0.1,DNS:localhost',
      ]),
      { stdio: 'ignore' },
    );
    sandbox = serve({
      fetch: createBigfixSandbox({ apiKey: BIGFIX_KEY, accounts: ['Coverkit'] }).fetch,
      port: 0,
      hostname: '127.0.0.1',
      createServer: createHttpsServer,
      serverOptions: { key: readFileSync(`${folder}/key.pem`), cert: readFileSync(`${folder}/cert.pem`) },
    });
    await once(sandbox, 'listening');
    const port = await freePort();
    baseUrl = `http://127.0.0.1:${port}`;
    // Plain node, from the install folder: only its node_modules can be resolved.
    child = spawn(process.execPath, ['dist/server/index.js'], {
      cwd: app,
      env: {
        PATH: process.env.PATH,
        NODE_EXTRA_CA_CERTS: `${folder}/cert.pem`,
        COVERKIT_MODE: 'live',
        PORT: String(port),
        HOST: '127.0.0.1',
        COVERKIT_DATA_DIR: path.join(folder, 'data'),
        COVERKIT_DATA_KEY: randomBytes(32).toString('base64'),
        COVERKIT_PUBLISHABLE_KEY: `pk_live_${randomBytes(8).toString('hex')}`,
        COVERKIT_SECRET_KEY: `sk_live_${randomBytes(8).toString('hex')}`,
        COVERKIT_ALLOWED_ORIGINS: 'https://shop.example',
        COVERKIT_PROVIDERS: 'bigfix',
        BIGFIX_BASE_URL: `https://127.0.0.1:${(sandbox.address() as AddressInfo).port}`,
        BIGFIX_API_KEY: BIGFIX_KEY,
        BIGFIX_POLICY_SOURCE: 'Coverkit',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout!.on('data', (chunk) => (output += chunk));
    child.stderr!.on('data', (chunk) => (output += chunk));
    const deadline = Date.now() + 30_000;
    while (!/"listening"/.test(output)) {
      if (child.exitCode !== null || Date.now() > deadline) assert.fail(`the built server did not start:\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  });

  after(async () => {
    if (child && child.exitCode === null) {
      child.kill('SIGTERM');
      await once(child, 'exit');
    }
    sandbox?.close();
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  it('installs no development dependency, and better-sqlite3 is built', () => {
    const modules = path.join(folder, 'app/node_modules');
    for (const name of DEV_ONLY) assert.equal(existsSync(path.join(modules, name)), false, `${name} was installed`);
    assert.ok(existsSync(path.join(modules, 'better-sqlite3/build/Release/better_sqlite3.node')), 'better-sqlite3 has its native module');
  });

  it('runs with plain node in live mode: alive, ready on its embedded database, no demo, metrics for this machine', async () => {
    const live = await fetch(`${baseUrl}/v1/health/live`);
    assert.equal(live.status, 200);
    const ready = await fetch(`${baseUrl}/v1/health/ready`);
    assert.equal(ready.status, 200, await ready.clone().text());
    assert.deepEqual(await (await fetch(`${baseUrl}/v1/health`)).json(), {
      status: 'ok',
      providers: { bigfix: { mode: 'live', ok: true } },
    });
    // Live mode: the demo and the sandboxes are not there, and metrics need a token or this machine.
    assert.equal((await fetch(`${baseUrl}/`)).status, 404);
    assert.equal((await fetch(`${baseUrl}/metrics`)).status, 200, 'a scraper on this machine reads the metrics');
    assert.doesNotMatch(output, /tsx|ERR_MODULE_NOT_FOUND/);
  });
});

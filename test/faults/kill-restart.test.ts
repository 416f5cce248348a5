/**
 * SIGKILL the server in the middle of a bind, start it again on the same data, and check
 * that every paid order reaches a final state: nothing a shopper paid for is lost.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { asha, freePort, galaxyS23, TEST_IMEI } from '../../server/src/testing/test-server.ts';

const FINAL = ['active', 'pending', 'pending_activation', 'declined', 'failed', 'cancelled'];

async function startServerProcess(port: number, dataDir: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/index.ts'], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      COVERKIT_DATA_DIR: dataDir,
      COVERKIT_BIND_TIMEOUT_MS: '800',
      COVERKIT_RECONCILE_INTERVAL_MS: '200',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  for (let waited = 0; !output.includes('"listening"'); waited += 50) {
    if (waited > 15_000 || child.exitCode !== null) throw new Error(`server did not start: ${output.slice(-500)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return child;
}

describe('kill -9 during a bind, then restart', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'coverkit-kill-'));
  let child: ChildProcess | undefined;
  after(() => {
    child?.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('settles every confirmed order after the restart, and leaves unpaid ones unpaid', async () => {
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const call = async (key: string, method: string, route: string, body?: unknown, headers: Record<string, string> = {}) => {
      const response = await fetch(`${base}${route}`, {
        method,
        headers: {
          Authorization: `Bearer ${key}`,
          // A secret key is sent by a server, never with a browser's Origin.
          ...(key.startsWith('sk_') ? {} : { Origin: base }),
          'Content-Type': 'application/json',
          ...headers,
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: response.status, json: (await response.json()) as any };
    };
    const newOrder = async (key: string) => {
      const quote = await call('pk_test_demo', 'POST', '/v1/quotes', { device: galaxyS23, country: 'IN' });
      const offer = quote.json.offers.find((candidate: { type: string }) => candidate.type === 'ADLD');
      const created = await call(
        'pk_test_demo',
        'POST',
        '/v1/orders',
        { offerId: offer.offerId, device: { imei: TEST_IMEI, brandWarrantyYears: 1 }, customer: asha },
        { 'Idempotency-Key': key },
      );
      assert.equal(created.status, 201);
      return created.json.order.id as string;
    };
    const confirm = (id: string) =>
      call('sk_test_demo', 'POST', `/v1/orders/${id}/confirm`, { paymentReference: `pay_${id}` }, { 'Idempotency-Key': `confirm-${id}` });

    child = await startServerProcess(port, dataDir);
    const boundBefore = await newOrder('bound');
    assert.equal((await confirm(boundBefore)).json.order.status, 'active');
    const unpaid = await newOrder('unpaid');
    const interrupted = await newOrder('interrupted');

    // BigFix creates the policy but never answers: the process dies while waiting.
    await fetch(`${base}/sandbox/_faults`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ provider: 'bigfix', pathPrefix: '/adld-policy', fault: { kind: 'commit_then_hang', ms: 60_000 } }),
    });
    const pending = confirm(interrupted).catch((error: Error) => error);
    await new Promise((resolve) => setTimeout(resolve, 300));
    child.kill('SIGKILL');
    await once(child, 'exit');
    assert.ok((await pending) instanceof Error, 'the confirm call lost its connection');

    child = await startServerProcess(port, dataDir);
    let status = 'binding';
    for (let waited = 0; status === 'binding' && waited < 10_000; waited += 100) {
      status = (await call('sk_test_demo', 'GET', `/v1/orders/${interrupted}`)).json.order.status;
      if (status === 'binding') await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const settled = (await call('sk_test_demo', 'GET', `/v1/orders/${interrupted}`)).json.order;
    assert.ok(FINAL.includes(settled.status), `ended ${settled.status}`);
    if (settled.status === 'failed') assert.match(settled.failureReason, /contact support/);
    assert.equal((await call('sk_test_demo', 'GET', `/v1/orders/${boundBefore}`)).json.order.status, 'active');
    assert.equal((await call('sk_test_demo', 'GET', `/v1/orders/${unpaid}`)).json.order.status, 'awaiting_payment');
  });
});

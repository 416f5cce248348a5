/**
 * SIGKILL at every step of every provider's bind, then restart, then count (issue 13):
 * paid orders lost, bound twice, left for an operator, and how long until every order was final.
 *
 * The provider sandboxes run here, in the test process, so that they outlive our server as a
 * real insurer would; the server (a child process) reaches them over HTTP as if they were the
 * providers' own staging URLs, and Assurify's events come back to it. A recorder in front of
 * the sandboxes counts the policies each provider really created per order.
 *
 * Steps: `before` — the bind request is held, then dropped unanswered: the provider never acted;
 * `committed` — the provider creates the policy and never answers; `stored` — the bind finished
 * and the order was written. The kill lands while the step is in progress.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { after, describe, it } from 'node:test';
import { passesLuhn } from '../../contract/schemas.ts';
import { loadConfig } from '../../server/src/config.ts';
import { mountSandboxes } from '../../server/src/mount-sandboxes.ts';
import { OUTCOME_UNKNOWN_REASON } from '../../server/src/orders/reconciler.ts';
import { providerRegistry } from '../../server/src/providers/registry.ts';
import type { FaultRule } from '../../server/src/sandbox/faults.ts';
import { asha, freePort, galaxyS23 } from '../../server/src/testing/test-server.ts';

const BIND_TIMEOUT_MS = 800;
const RECONCILE_INTERVAL_MS = 500;
const GRACE_MS = BIND_TIMEOUT_MS + Math.min(5000, BIND_TIMEOUT_MS);
const PROVIDERS = ['bigfix', 'assurify', 'servify', 'octamile'] as const;
type Provider = (typeof PROVIDERS)[number];
const STEPS = ['before', 'committed', 'stored'] as const;
type Step = (typeof STEPS)[number];
const COVER = ['active', 'pending', 'pending_activation'];

/**
 * Where each provider's bind is sent, and the policy it created (an id of the provider's, so
 * a repeated bind the provider deduplicates counts once), or null where it created none.
 */
const BIND: Record<Provider, { prefix: string; skip?: number; policy(status: number, request: string, response: string): string | null }> =
  {
    bigfix: { prefix: '/adld-policy', policy: (status, _request, response) => (status === 201 ? JSON.parse(response).policyid : null) },
    assurify: {
      prefix: '/v1/subscription/attach',
      policy: (status, _request, response) => (status === 200 ? JSON.parse(response).subscription_id : null),
    },
    // Servify refuses a second contract for the same ExternalReferenceID, so each 200 is a new contract.
    servify: { prefix: '/Contract/createContract', policy: (status) => (status === 200 ? `contract-${++servifyContracts}` : null) },
    // One endpoint for every command: the consumer profile goes first, the `insure` is the bind;
    // the same transaction reference again is the same cover.
    octamile: {
      prefix: '/',
      skip: 1,
      policy: (status, request, response) => {
        const body = JSON.parse(request) as { cmmnd?: { cmmnd?: string; seed?: { id?: string } } };
        if (status !== 200 || !/: insure$/.test(body.cmmnd?.cmmnd ?? '') || JSON.parse(response).exctnFdbck?.id !== '75') return null;
        return body.cmmnd?.seed?.id ?? null;
      },
    },
  };
let servifyContracts = 0;

const tecno = { category: 'Mobile', brand: 'Tecno', model: 'Camon 20 Pro', price: 350000, currency: 'NGN' };

/** A Luhn-valid IMEI of its own per order: Servify covers a device once. */
function imeiFor(index: number): string {
  const body = `4901542${String(100000 + index).padStart(7, '0')}`;
  for (let check = 0; check < 10; check++) if (passesLuhn(body + check)) return body + check;
  throw new Error('no check digit');
}

describe('SIGKILL at every step of every provider bind', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'coverkit-kill-steps-'));
  const hostDir = mkdtempSync(path.join(tmpdir(), 'coverkit-kill-host-'));
  let child: ChildProcess | undefined;
  let host: ReturnType<typeof serve> | undefined;
  after(async () => {
    child?.kill('SIGKILL');
    host?.close();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(hostDir, { recursive: true, force: true });
  });

  it('loses no paid order, binds none twice, and settles every order within its bind grace plus two reconcile intervals after the restart', async () => {
    const port = await freePort();
    const hostPort = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const hostBase = `http://127.0.0.1:${hostPort}`;

    // The providers: sandboxes configured as if they belonged to our server (events go to it).
    const hostConfig = loadConfig({
      PORT: String(port),
      HOST: '127.0.0.1',
      COVERKIT_DATA_DIR: hostDir,
      ASSURIFY_SANDBOX_WEBHOOK_DELAY_MS: '2500',
    });
    const providers = hostConfig.providers as unknown as Record<string, Record<string, unknown>>;
    const created = new Map<string, Set<string>>(); // `${provider}:${step}` → policies the provider created
    let stepNow: Step = 'before';
    const app = new Hono();
    app.use('/sandbox/:provider/*', async (context, next) => {
      const provider = context.req.param('provider') as Provider;
      const bind = BIND[provider];
      const request = bind ? await context.req.raw.clone().text() : '';
      const step = stepNow;
      await next();
      if (!bind || !context.req.path.startsWith(`/sandbox/${provider}${bind.prefix === '/' ? '' : bind.prefix}`)) return;
      const response = await context.res
        .clone()
        .text()
        .catch(() => '');
      const policy = bind.policy(context.res.status, request, response);
      if (policy) created.set(`${provider}:${step}`, (created.get(`${provider}:${step}`) ?? new Set()).add(policy));
    });
    const faults = mountSandboxes(app, hostConfig, providerRegistry);
    host = serve({ fetch: app.fetch, port: hostPort, hostname: '127.0.0.1' });
    await once(host, 'listening');
    const own = (url: unknown) => String(url).replace(base, hostBase);
    const bigfix = providers.bigfix!;
    const assurify = providers.assurify!;
    const servify = providers.servify!;
    const octamile = providers.octamile!;
    const environment = {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      COVERKIT_DATA_DIR: dataDir,
      COVERKIT_BIND_TIMEOUT_MS: String(BIND_TIMEOUT_MS),
      COVERKIT_RECONCILE_INTERVAL_MS: String(RECONCILE_INTERVAL_MS),
      COVERKIT_RATE_LIMIT_PER_MINUTE: '100000',
      BIGFIX_BASE_URL: own(bigfix.baseUrl),
      BIGFIX_API_KEY: String(bigfix.apiKey),
      BIGFIX_POLICY_SOURCE: String(bigfix.policySource),
      ASSURIFY_BASE_URL: own(assurify.baseUrl),
      ASSURIFY_SECRET_KEY: String(assurify.secretKey),
      ASSURIFY_WEBHOOK_SECRET: String(assurify.webhookSecret),
      SERVIFY_BASE_URL: own(servify.baseUrl),
      SERVIFY_CLIENT_ID: String(servify.clientId),
      SERVIFY_CLIENT_SIGNATURE: String(servify.clientSignature),
      SERVIFY_X_HOST: String(servify.xHost),
      SERVIFY_PUBLIC_KEY: String(servify.servifyPublicKey),
      SERVIFY_CLIENT_PRIVATE_KEY: String(servify.clientPrivateKey),
      SERVIFY_CALLBACK_SECRET: String(servify.callbackSecret),
      OCTAMILE_BASE_URL: own(octamile.endpoint),
      OCTAMILE_CUSTOMER_ID: String(octamile.customerId),
      OCTAMILE_AUTH_ID: String(octamile.authorizationId),
      OCTAMILE_AUTH_KEY: String(octamile.authorizationKey),
      OCTAMILE_PRODUCTS: 'phnn-flx2-1111',
    };

    let logs = '';
    const start = async () => {
      const started = spawn(process.execPath, ['--import', 'tsx', 'server/src/index.ts'], {
        env: environment,
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      let output = '';
      started.stdout!.on('data', (chunk) => ((output += chunk), (logs += chunk)));
      for (let waited = 0; !output.includes('"listening"'); waited += 50) {
        if (waited > 20_000 || started.exitCode !== null) throw new Error(`server did not start: ${output.slice(-800)}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      return started;
    };
    const kill = async () => {
      child!.kill('SIGKILL');
      await once(child!, 'exit');
    };
    const call = async (key: string, method: string, route: string, body?: unknown, headers: Record<string, string> = {}) => {
      const response = await fetch(`${base}${route}`, {
        method,
        headers: {
          Authorization: `Bearer ${key}`,
          ...(key.startsWith('pk_') ? { Origin: base } : {}),
          'Content-Type': 'application/json',
          ...headers,
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: response.status, json: (await response.json()) as any };
    };
    let index = 0;
    const newOrder = async (provider: Provider): Promise<string> => {
      const imei = imeiFor(++index);
      const indian = provider !== 'octamile';
      const quote = await call('pk_test_demo', 'POST', '/v1/quotes', {
        device: { ...(indian ? galaxyS23 : tecno), imei },
        country: indian ? 'IN' : 'NG',
      });
      const offer = quote.json.offers.find(
        (candidate: { provider: string; type: string }) =>
          candidate.provider === provider && (provider !== 'bigfix' || candidate.type === 'ADLD'),
      );
      assert.ok(offer, `${provider} offers a plan: ${JSON.stringify(quote.json.unavailable)}`);
      const customer = indian
        ? { ...asha, email: `asha.${index}@example.com` }
        : { name: 'Folake Adeyemi', email: `folake.${index}@example.com`, phone: '+2347010001234' };
      const order = await call(
        'pk_test_demo',
        'POST',
        '/v1/orders',
        {
          offerId: offer.offerId,
          device: indian ? { imei, brandWarrantyYears: 1 } : { imei, brand: 'Tecno', model: 'Camon 20 Pro' },
          customer,
        },
        { 'Idempotency-Key': `create-${index}` },
      );
      assert.equal(order.status, 201, JSON.stringify(order.json));
      return order.json.order.id as string;
    };
    const confirm = (id: string) =>
      call('sk_test_demo', 'POST', `/v1/orders/${id}/confirm`, { paymentReference: `pay_${id}` }, { 'Idempotency-Key': `confirm-${id}` });

    const orders: { provider: Provider; step: Step; id: string }[] = [];
    const settleTimes: number[] = [];
    child = await start();
    for (const step of STEPS) {
      const batch = [];
      for (const provider of PROVIDERS) batch.push({ provider, step, id: await newOrder(provider) });
      orders.push(...batch);
      stepNow = step;
      faults.clear();
      for (const { provider } of batch) {
        const fault: FaultRule['fault'] | null =
          step === 'before' ? { kind: 'reset', afterMs: 4000 } : step === 'committed' ? { kind: 'commit_then_hang', ms: 4000 } : null;
        if (fault)
          faults.add({
            provider,
            pathPrefix: BIND[provider].prefix,
            fault,
            times: 1,
            ...(BIND[provider].skip ? { skip: BIND[provider].skip } : {}),
          });
      }
      const confirms = batch.map(({ id }) => confirm(id).catch((error: Error) => error));
      if (step === 'stored') await Promise.all(confirms);
      else await new Promise((resolve) => setTimeout(resolve, 600));
      await kill();
      await Promise.all(confirms);
      faults.clear();
      child = await start();
      const restartedAt = Date.now();
      // Every order of the batch final (timed), then the confirm key answering with it rather than 409 in flight.
      const pending = new Set(batch.map(({ id }) => id));
      while (pending.size > 0) {
        for (const id of pending)
          if ((await call('sk_test_demo', 'GET', `/v1/orders/${id}`)).json.order.status !== 'binding') pending.delete(id);
        assert.ok(Date.now() - restartedAt < GRACE_MS + 2 * RECONCILE_INTERVAL_MS, `still binding: ${[...pending].join(', ')}`);
        if (pending.size > 0) await new Promise((resolve) => setTimeout(resolve, 25));
      }
      settleTimes.push(Date.now() - restartedAt);
      for (const { id } of batch) assert.notEqual((await confirm(id)).status, 409, `${id}: the confirm key is not stuck in flight`);
    }
    // Late confirmations of cover (Assurify's policy.activated) arrive within a few seconds.
    await new Promise((resolve) => setTimeout(resolve, 4000));

    const counts = { paid: orders.length, lost: 0, boundTwice: 0, needsOperator: 0, refunded: 0, covered: 0 };
    const rows: string[] = [];
    for (const { provider, step, id } of orders) {
      const order = (await call('sk_test_demo', 'GET', `/v1/orders/${id}`)).json.order;
      const policies = created.get(`${provider}:${step}`)?.size ?? 0;
      const covered = COVER.includes(order.status);
      let verdict: string;
      if (policies > 1) ((verdict = 'BOUND TWICE'), (counts.boundTwice += 1));
      else if (order.status === 'binding') ((verdict = 'LOST (not final)'), (counts.lost += 1));
      else if (covered && policies === 1) ((verdict = 'covered'), (counts.covered += 1));
      else if (order.status === 'failed' && policies === 0) ((verdict = 'failed, no cover: refund'), (counts.refunded += 1));
      else if (order.status === 'failed' && order.failureReason === OUTCOME_UNKNOWN_REASON)
        ((verdict = 'needs operator (cover exists, outcome unknown to us)'), (counts.needsOperator += 1));
      else ((verdict = `LOST (${order.status} with ${policies} policies)`), (counts.lost += 1));
      rows.push(`  ${provider.padEnd(8)} ${step.padEnd(9)} ${order.status.padEnd(18)} policies=${policies} ${verdict}`);
    }
    const slowest = Math.max(...settleTimes);
    console.log(
      [
        'kill-every-step (provider, step killed at, order status, policies at the provider, verdict):',
        ...rows,
        `kill-every-step: ${counts.paid} paid orders, ${counts.lost} lost, ${counts.boundTwice} bound twice, ` +
          `${counts.needsOperator} needs operator, ${counts.covered} covered, ${counts.refunded} failed without cover; ` +
          `every order final ${slowest} ms after the restart (reconcile interval ${RECONCILE_INTERVAL_MS} ms, bind grace ${GRACE_MS} ms)`,
      ].join('\n'),
    );
    assert.equal(counts.lost, 0, rows.join('\n'));
    assert.equal(counts.boundTwice, 0, rows.join('\n'));
    assert.ok(logs.length > 0);
  });
});

/**
 * For tests: Servify's sandbox on a loopback port with a clock the test moves, a client
 * configured as the server configures it, and a contract sold to claim on.
 */
import { once } from 'node:events';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { loadConfig } from '../../config.ts';
import { createServifySandbox } from '../../sandbox/servify/servify-sandbox.ts';
import type { SandboxState } from '../../sandbox/sandbox-state.ts';
import { freePort } from '../../testing/test-server.ts';
import { ServifyClient } from './servify-client.ts';
import type { ServifyConfig } from './servify-config.ts';
import { servifyProvider } from './index.ts';

export const CLAIM_STEP_MS = 60_000;

export interface ServifyClaimsFixture {
  config: ServifyConfig;
  client: ServifyClient;
  /** Moves the sandbox's and the client's clock on. */
  advance(ms: number): void;
  now(): Date;
  /** Sells a contract (SFYADLD01 unless told) on `imei`; returns its SoldPlanCode. */
  sell(imei: string, options?: { planCode?: string; orderId?: string }): Promise<string>;
  close(): Promise<void>;
}

export async function startServifyClaimsFixture(state?: SandboxState): Promise<ServifyClaimsFixture> {
  let offsetMs = 0;
  const now = () => new Date(Date.now() + offsetMs);
  const port = await freePort();
  const config = loadConfig({ PORT: String(port) }, { providers: [servifyProvider] }).providers.servify as ServifyConfig;
  const sandbox = createServifySandbox({
    state,
    now,
    claimStepMs: CLAIM_STEP_MS,
    clientId: config.clientId,
    clientSignature: config.clientSignature,
    clientPublicKey: config.sandbox!.clientPublicKey,
    privateKey: config.sandbox!.privateKey,
  });
  const server = serve({ fetch: new Hono().route('/sandbox/servify', sandbox).fetch, port, hostname: '127.0.0.1' });
  await once(server, 'listening');
  const client = new ServifyClient(config, { now });
  return {
    config,
    client,
    now,
    advance: (ms) => void (offsetMs += ms),
    async sell(imei, { planCode = 'SFYADLD01', orderId = `ord_${crypto.randomUUID().slice(0, 12)}` } = {}) {
      const today = now().toISOString().slice(0, 10);
      const rate = planCode === 'SFYEW01' ? 0.04 : 0.06;
      const answer = (await client.call(
        '/Contract/createContract',
        {
          ExternalReferenceID: orderId,
          ProductUniqueID: imei,
          DeviceDateOfPurchase: today,
          CustomerName: 'Asha Rao',
          PhoneCode: '91',
          CountryCode: 'IN',
          CurrencyCode: 'INR',
          MobileNo: '9812345678',
          EmailID: 'asha.rao@example.com',
          BrandCode: 'SAMSUNG',
          PlanCode: planCode,
          DateOfPurchase: today,
          ProductSubCategoryCode: 'SMARTPHONE',
          ProductPurchaseCost: 74999,
          State: 'Karnataka',
          Zipcode: '560001',
          PlanPrice: Math.round(74999 * rate),
          Frequency: 1,
          FrequencyUnit: 'YEAR',
        },
        AbortSignal.timeout(5000),
      )) as { SoldPlanCode: string };
      return answer.SoldPlanCode;
    },
    async close() {
      const closed = once(server, 'close');
      server.close();
      if ('closeAllConnections' in server) (server as { closeAllConnections(): void }).closeAllConnections();
      await closed;
    },
  };
}

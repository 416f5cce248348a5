/**
 * For tests: Servify's sandbox on a loopback port with a clock the test moves, a client
 * configured as the server configures it, and a contract sold to claim on.
 */
import { once } from 'node:events';
import type { CreateClaimRequest as OurClaimRequest } from '../../../../contract/claims.ts';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { loadConfig } from '../../config.ts';
import { createServifySandbox } from '../../sandbox/servify/servify-sandbox.ts';
import type { SandboxState } from '../../sandbox/sandbox-state.ts';
import type { StoredClaim, StoredOrder } from '../../store/types.ts';
import { freePort } from '../../testing/test-server.ts';
import type { ProviderClaimResult } from '../types.ts';
import { ServifyClient } from './servify-client.ts';
import type { CreateClaimRequest, ServifySlot } from './servify-claims-schemas.ts';
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

/** The device the calls tests claim on, as getIssueList and the slot calls take it. */
export const fixtureDevice = { countryCode: 'IN', productSubCategoryCode: 'SMARTPHONE', brandCode: 'SAMSUNG', productCode: 'GALAXY-S23' };

/** A createClaimRequest body for `imei`'s SFYADLD01 contract, at `slot` (null: a date the sandbox does not offer). */
export function claimRequestFor(
  fixture: ServifyClaimsFixture,
  imei: string,
  slot: ServifySlot | null,
  description = 'The power button no longer works',
): CreateClaimRequest {
  const externalReferenceID = `clm_${crypto.randomUUID().slice(0, 12)}`;
  return {
    referenceID: externalReferenceID,
    externalReferenceID,
    name: 'Asha Rao',
    mobileNo: '9812345678',
    phoneCode: '91',
    ...fixtureDevice,
    imeiOrSerial: imei,
    planCode: 'SFYADLD01',
    coveredValue: 74999,
    currencyCode: 'INR',
    salesChannel: 'coverkit',
    issues: [{ issueCode: '0E74248AA1', issueCategoryCode: 'FDA594F327' }],
    consumerServiceRequestDetails: { lossDateTime: fixture.now().toISOString().slice(0, 10), descriptionOfLoss: description },
    consumerServiceRequest: {
      address: '12 MG Road',
      addressType: 'Home',
      state: 'Karnataka',
      city: 'Bengaluru',
      zipcode: '560001',
      scheduledDateTime: slot?.date ?? '2000-01-01',
      scheduledFromTime: slot?.from ?? '10:00:00',
      scheduledToTime: slot?.to ?? '13:00:00',
      serviceLocationCode: fixture.config.serviceLocationCode!,
      serviceTypeCode: slot?.serviceTypeCode ?? 'CLAIM_CARRYIN',
    },
  };
}

/** The claim as the claims service would store it after the adapter answered `result`. */
export function storedClaimAfter(
  order: StoredOrder,
  claimId: string,
  claim: OurClaimRequest,
  result: ProviderClaimResult,
  now: Date,
): StoredClaim {
  return {
    id: claimId,
    merchantId: 'default',
    orderId: order.id,
    livemode: false,
    provider: 'servify',
    status: result.status,
    type: claim.type,
    reference: result.reference ?? null,
    incident: claim.incident,
    issue: claim.issue ?? null,
    appointment: result.appointment ?? null,
    address: claim.address ?? null,
    decision: result.decision ?? null,
    timeline: [],
    providerReferences: result.providerReferences ?? {},
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
  };
}

/**
 * Assurify SmartShield: IMEI-scoped sessions for Indian phones, priced in INR. A session
 * lives 15 minutes and is single-use, so a bind on a stale or used session opens a new one
 * for the order's IMEI and buys the same plan only if its price is still the quoted price.
 */
import { randomBytes } from 'node:crypto';
import { passesLuhn } from '../../../../contract/schemas.ts';
import { ProviderError } from '../../errors.ts';
import { addMonths } from '../kit/http.ts';
import { ProviderResilience } from '../kit/resilience.ts';
import type {
  AdapterDependencies,
  BindInput,
  BindResult,
  ProviderAdapter,
  ProviderCatalog,
  QuoteInput,
  QuoteOutcome,
  QuotedOffer,
} from '../types.ts';
import { AssurifyClient } from './assurify-client.ts';
import type { AssurifyConfig } from './assurify-config.ts';
import { SESSION_GONE_CODES } from './assurify-errors.ts';
import { toPlanQuotes } from './map-assurify-plans.ts';

/** A session this close to its end is not worth attaching on: the call itself takes time. */
const SESSION_MARGIN_MS = 30_000;

const CATALOG: ProviderCatalog = {
  categories: ['Mobile', 'Tablet'],
  brands: [
    { name: 'Apple', category: 'Mobile', models: ['iPhone 15', 'iPhone 16'] },
    { name: 'Samsung', category: 'Mobile', models: ['Galaxy S23', 'Galaxy S24', 'Galaxy A55'] },
    { name: 'OnePlus', category: 'Mobile', models: ['OnePlus 12'] },
    { name: 'Xiaomi', category: 'Mobile', models: ['Redmi Note 13'] },
  ],
  currencies: ['INR'],
  countries: ['IN'],
};

/** Assurify's customer id for an order: stable, prefixed `cust_`, and free of personal data. */
export function assurifyCustomerId(orderId: string): string {
  return `cust_${orderId.replace(/^ord_/, '')}`;
}

/**
 * Where the order bound to a subscription is remembered: `policy.activated` carries "the full
 * policy object and subscription_id" (the doc), and that is what it is matched on.
 */
export function subscriptionKey(subscriptionId: string): string {
  return `subscription:${subscriptionId}`;
}

/**
 * Where the order a customer id was attached for is remembered, written before the attach:
 * if we never hear the attach's answer (a crash, a lost connection), the later
 * `policy.activated` can still find its order through the policy's customer.
 */
export function customerKey(customer: string): string {
  return `customer:${customer}`;
}

export function createAssurifyAdapter(
  config: AssurifyConfig,
  { resilience = new ProviderResilience('assurify'), store }: Partial<AdapterDependencies> = {},
): ProviderAdapter {
  const client = new AssurifyClient(config, resilience);

  /** Opens a new session for the order's device and checks the quoted plan still costs the same. */
  async function requote(offer: QuotedOffer, imei: string, customer: string, signal: AbortSignal): Promise<string> {
    const session = await client.initSession(
      { imei, customer, model: `${offer.device.brand} ${offer.device.model}`, geography: offer.country },
      signal,
    );
    const plan = (await client.eligiblePlans(session.session_id, signal)).find((candidate) => candidate.plan_id === offer.planCode);
    if (!plan)
      throw new ProviderError({
        provider: 'assurify',
        failure: 'refused',
        providerCode: 'plan_not_eligible',
        shopperMessage: 'This plan is no longer offered for this device. Refresh the plans to see current offers.',
      });
    if (plan.premium_inr !== offer.price.amount) {
      throw new ProviderError({
        provider: 'assurify',
        failure: 'refused',
        providerCode: 'price_changed',
        shopperMessage: 'The price of this plan has changed since it was quoted. Refresh the plans to see the current price.',
      });
    }
    return session.session_id;
  }

  return {
    id: 'assurify',
    displayName: 'Assurify SmartShield',
    mode: config.mode,
    // A second attach needs a fresh session and buys a second subscription: not safe to repeat.
    bindRetrySafe: false,

    async quote({ device, country, signal }: QuoteInput): Promise<QuoteOutcome> {
      if (country !== 'IN' || device.currency !== 'INR') {
        return { kind: 'unavailable', code: 'unsupported_market', message: 'Assurify covers devices bought in India, priced in rupees.' };
      }
      // Assurify identifies every device by its 15-digit GSMA IMEI (its doc: required): a laptop has none.
      if (!/^(mobile|tablet)$/i.test(device.category))
        return { kind: 'unavailable', code: 'unsupported_device', message: 'Assurify covers phones and tablets only.' };
      if (!device.imei) return { kind: 'unavailable', code: 'needs_imei', message: 'Enter the IMEI (dial *#06#) to see Assurify plans.' };
      // Checked here too so a bad IMEI never costs a session (the route's schema checks it first).
      if (!/^\d{15}$/.test(device.imei) || !passesLuhn(device.imei))
        return { kind: 'unavailable', code: 'invalid_imei', message: 'This IMEI is not valid: check the digits.' };
      // No order or shopper exists yet: the quote session gets a throwaway customer id.
      const customer = `cust_q${randomBytes(9).toString('base64url')}`;
      try {
        const session = await client.initSession(
          { imei: device.imei, customer, model: `${device.brand} ${device.model}`, geography: country },
          signal,
        );
        const plans = toPlanQuotes(session, await client.eligiblePlans(session.session_id, signal), customer);
        if (plans.length === 0)
          return { kind: 'unavailable', code: 'unsupported_device', message: 'Assurify has no plans for this device.' };
        return { kind: 'plans', plans };
      } catch (error) {
        if (error instanceof ProviderError && error.failure === 'refused')
          return { kind: 'unavailable', code: error.providerCode, message: error.shopperMessage };
        throw error;
      }
    },

    async bind({ orderId, offer, device, signal }: BindInput): Promise<BindResult> {
      if (!device.imei)
        throw new ProviderError({
          provider: 'assurify',
          failure: 'refused',
          providerCode: 'missing_imei',
          shopperMessage: 'Enter the IMEI of the device to buy this plan.',
        });
      // The doc scopes a session to the customer it was opened for: attach on the quote's
      // session sends the quote's customer id; a new session is opened for the order's own.
      const quotedCustomer = String(offer.context?.customer ?? '');
      const quotedSession = String(offer.context?.sessionId ?? '');
      const expiresAt = Date.parse(String(offer.context?.sessionExpiresAt ?? ''));
      let renewed = !(quotedSession && quotedCustomer && expiresAt - Date.now() > SESSION_MARGIN_MS);
      let customer = renewed ? assurifyCustomerId(orderId) : quotedCustomer;
      let sessionId = renewed ? await requote(offer, device.imei, customer, signal) : quotedSession;
      let subscription;
      try {
        await store?.claimProviderValue('assurify', customerKey(customer), orderId);
        subscription = await client.attach({ session_id: sessionId, plan_id: offer.planCode, customer }, signal);
      } catch (error) {
        // Another order may have used the quote's session, or it ended early: one fresh try.
        if (renewed || !(error instanceof ProviderError) || !SESSION_GONE_CODES.has(error.providerCode)) throw error;
        renewed = true;
        customer = assurifyCustomerId(orderId);
        sessionId = await requote(offer, device.imei, customer, signal);
        await store?.claimProviderValue('assurify', customerKey(customer), orderId);
        subscription = await client.attach({ session_id: sessionId, plan_id: offer.planCode, customer }, signal);
      }
      // Before the bind returns: the event may arrive within 200 ms of the attach.
      await store?.claimProviderValue('assurify', subscriptionKey(subscription.subscription_id), orderId);
      const startsAt = new Date(subscription.activated_at ?? Date.now()).toISOString();
      return {
        // Assurify confirms the policy with a `policy.activated` event (routes/webhooks.ts).
        status: 'pending',
        policy: {
          reference: subscription.subscription_id,
          startsAt,
          endsAt: addMonths(startsAt, offer.termMonths),
          activationCode: null,
          certificate: false,
          providerReferences: {
            customer,
            subscriptionId: subscription.subscription_id,
            chargedPremium: String(subscription.price_inr),
            sessionRenewed: String(renewed),
          },
        },
        chargedPrice: { amount: subscription.price_inr, currency: 'INR' },
      };
    },

    // Assurify has no status call: its webhook moves the order.
    async status() {
      return null;
    },

    async catalog() {
      return CATALOG;
    },
  };
}

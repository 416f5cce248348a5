/** BigFix: ADLD and extended warranty for Indian devices, priced in INR. */
import type { BigfixConfig } from './bigfix-config.ts';
import { ProviderError } from '../../errors.ts';
import { addMonths } from '../kit/http.ts';
import type { AdapterDependencies, BindInput, BindResult, ProviderAdapter, ProviderCatalog, QuoteInput, QuoteOutcome } from '../types.ts';
import { ProviderResilience } from '../kit/resilience.ts';
import { BigfixClient } from './bigfix-client.ts';
import { isUnsupportedProduct } from './bigfix-errors.ts';
import type { BigfixPolicyRequest } from './bigfix-schemas.ts';
import { durationLabel, toPlanQuotes } from './map-bigfix-plans.ts';

const CATALOG: ProviderCatalog = {
  categories: ['Mobile', 'Laptop', 'Tablet'],
  brands: [
    { name: 'Apple', category: 'Mobile', models: ['iPhone 15', 'iPhone 16', 'iPhone 16 Pro'] },
    { name: 'Samsung', category: 'Mobile', models: ['Galaxy S23', 'Galaxy S24', 'Galaxy A55'] },
    { name: 'OnePlus', category: 'Mobile', models: ['OnePlus 12', 'Nord CE4'] },
    { name: 'Xiaomi', category: 'Mobile', models: ['Redmi Note 13', 'Xiaomi 14'] },
    { name: 'Apple', category: 'Laptop', models: ['MacBook Air M3', 'MacBook Pro 14'] },
    { name: 'Dell', category: 'Laptop', models: ['XPS 13', 'Inspiron 15'] },
    { name: 'HP', category: 'Laptop', models: ['Pavilion 14', 'Envy x360'] },
    { name: 'Lenovo', category: 'Laptop', models: ['ThinkPad E14', 'IdeaPad Slim 5'] },
    { name: 'Apple', category: 'Tablet', models: ['iPad Air', 'iPad 10th gen'] },
    { name: 'Samsung', category: 'Tablet', models: ['Galaxy Tab S9'] },
  ],
  currencies: ['INR'],
  countries: ['IN'],
};

/** Title Case, as BigFix normalises product names. */
function titleCase(value: string): string {
  return value
    .trim()
    .toLowerCase()
    .replace(/\b\p{L}/gu, (letter) => letter.toUpperCase());
}

export function createBigfixAdapter(
  config: BigfixConfig,
  { resilience = new ProviderResilience('bigfix') }: Partial<AdapterDependencies> = {},
): ProviderAdapter {
  const client = new BigfixClient(config, resilience);

  /** A quote call that answers "not covered" contributes no plans rather than failing the quote. */
  async function plansOrNone<T>(call: Promise<T>): Promise<T | null> {
    try {
      return await call;
    } catch (error) {
      if (error instanceof ProviderError && isUnsupportedProduct(error)) return null;
      throw error;
    }
  }

  return {
    id: 'bigfix',
    displayName: 'BigFix',
    mode: config.mode,
    // BigFix documents no idempotency key and no lookup: a second create is a second policy.
    bindRetrySafe: false,

    async quote({ device, country, signal }: QuoteInput): Promise<QuoteOutcome> {
      if (country !== 'IN' || device.currency !== 'INR') {
        return { kind: 'unavailable', code: 'unsupported_market', message: 'BigFix covers devices bought in India, priced in rupees.' };
      }
      const product = titleCase(device.category);
      const brandType = device.brand.trim().toLowerCase() === 'apple' ? 'Apple' : 'Non-Apple';
      // allSettled: both calls finish (or give up) before we answer, so no retry outlives the quote.
      const [adldResult, extendedWarrantyResult] = await Promise.allSettled([
        plansOrNone(client.adldPlans({ product, brandType, devicePrice: device.price }, signal)),
        plansOrNone(client.extendedWarrantyPlans({ product, devicePrice: device.price }, signal)),
      ]);
      // One product line failing still leaves the other's plans worth showing.
      if (adldResult.status === 'rejected' && extendedWarrantyResult.status === 'rejected') throw adldResult.reason;
      const adld = adldResult.status === 'fulfilled' ? adldResult.value : null;
      const extendedWarranty = extendedWarrantyResult.status === 'fulfilled' ? extendedWarrantyResult.value : null;
      const plans = [...toPlanQuotes('ADLD', adld ?? {}, product), ...toPlanQuotes('EW', extendedWarranty ?? {}, product)];
      if (plans.length === 0) {
        return {
          kind: 'unavailable',
          code: 'unsupported_device',
          message: `BigFix has no plans for this ${device.category.toLowerCase()}.`,
        };
      }
      return { kind: 'plans', plans };
    },

    async bind({ offer, device, customer, signal }: BindInput): Promise<BindResult> {
      const years = Number(offer.context?.years ?? offer.termMonths / 12);
      const address = customer.address;
      const request: BigfixPolicyRequest = {
        product: titleCase(offer.device.category),
        duration: durationLabel(years),
        deviceprice: offer.device.price,
        name: customer.name,
        email: customer.email,
        phone: customer.phone,
        address: [address?.line1, address?.line2].filter(Boolean).join(', '),
        city: address?.city ?? '',
        state: address?.state ?? '',
        pincode: address?.postalCode ?? '',
        brand: device.brand ?? offer.device.brand,
        model: device.model ?? offer.device.model,
        imei1_serialno: device.imei ?? device.serial ?? '',
        policysource: config.policySource,
        brand_warranty_duration: device.brandWarrantyYears ?? 1,
      };
      const policy =
        offer.type === 'ADLD' ? await client.createAdldPolicy(request, signal) : await client.createExtendedWarrantyPolicy(request, signal);
      const purchasedAt = new Date(policy['plan purchase date']).toISOString();
      // Extended warranty begins where the brand warranty ends; ADLD covers from the day of purchase.
      const startsAt = offer.type === 'EW' ? addMonths(purchasedAt, request.brand_warranty_duration * 12) : purchasedAt;
      return {
        status: 'active',
        policy: {
          reference: policy.policyid,
          startsAt,
          endsAt: addMonths(startsAt, offer.termMonths),
          activationCode: null,
          certificate: false,
          providerReferences: { orderId: policy.orderid, chargedPremium: String(policy['protection plan price']) },
        },
        chargedPrice: { amount: policy['protection plan price'], currency: 'INR' },
      };
    },

    // BigFix has no status call: the policy it returned at creation is final.
    async status() {
      return null;
    },

    async catalog() {
      return CATALOG;
    },
  };
}

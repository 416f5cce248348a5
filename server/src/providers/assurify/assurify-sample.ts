/** A phone and shopper Assurify's sandbox quotes and binds (the contract suite's, and fakes'). */
import type { ProviderSample } from '../types.ts';

const imei = '490154203237518';

export const assurifySample: ProviderSample = {
  device: { category: 'Mobile', brand: 'Samsung', model: 'Galaxy S23', price: 74999, currency: 'INR', imei },
  country: 'IN',
  customer: {
    name: 'Asha Rao',
    email: 'asha.rao@example.com',
    phone: '+919812345678',
    address: { line1: '12 MG Road', line2: 'Flat 4B', city: 'Bengaluru', state: 'Karnataka', postalCode: '560001', country: 'IN' },
  },
  orderDevice: { imei },
  // Nothing takes the policy.activated event in the contract suite: the order stays `pending`, which the contract allows.
  environment: { ASSURIFY_SANDBOX_WEBHOOK_DELAY_MS: '60000' },
};

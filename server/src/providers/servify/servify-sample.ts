/** A phone and shopper Servify's sandbox quotes and binds (the contract suite's, and fakes'). */
import type { ProviderSample } from '../types.ts';

const imei = '356938035643809';

export const servifySample: ProviderSample = {
  device: { category: 'Mobile', brand: 'Samsung', model: 'Galaxy S23', price: 74999, currency: 'INR', imei },
  country: 'IN',
  customer: {
    name: 'Asha Rao',
    email: 'asha.rao@example.com',
    phone: '+919812345678',
    address: { line1: '12 MG Road', line2: 'Flat 4B', city: 'Bengaluru', state: 'Karnataka', postalCode: '560001', country: 'IN' },
  },
  orderDevice: { imei },
};

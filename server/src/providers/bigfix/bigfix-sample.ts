/** A device and shopper BigFix's sandbox quotes and binds (the contract suite's, and fakes'). */
import type { ProviderSample } from '../types.ts';

export const bigfixSample: ProviderSample = {
  device: { category: 'Mobile', brand: 'Samsung', model: 'Galaxy S23', price: 74999, currency: 'INR' },
  country: 'IN',
  customer: {
    name: 'Asha Rao',
    email: 'asha.rao@example.com',
    phone: '+919812345678',
    address: { line1: '12 MG Road', line2: 'Flat 4B', city: 'Bengaluru', state: 'Karnataka', postalCode: '560001', country: 'IN' },
  },
  orderDevice: { imei: '490154203237518', brandWarrantyYears: 1 },
};

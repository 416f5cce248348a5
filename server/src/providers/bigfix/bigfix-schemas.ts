/** The few BigFix response fields we read; anything else the API returns is ignored. */
import { z } from 'zod';

export const bigfixPlansSchema = z.object({
  Product: z.string(),
  'Protection Plans': z.record(z.string(), z.number()),
});

export const bigfixPolicySchema = z.object({
  policyid: z.string(),
  orderid: z.string(),
  'plan purchase date': z.string(),
  'policy status': z.string(),
  'protection plan price': z.number(),
});
export type BigfixPolicy = z.infer<typeof bigfixPolicySchema>;

/** The doc gives no error body; the sandbox (and, we expect, the API) says `{error, message}`. */
export const bigfixErrorSchema = z.object({
  error: z.string().optional(),
  message: z.string().optional(),
  supported_products: z.array(z.string()).optional(),
});

/** The 15 fields of `/adld-policy/` and `/create-policy/`, all required. */
export interface BigfixPolicyRequest {
  product: string;
  duration: string;
  deviceprice: number;
  name: string;
  email: string;
  phone: string;
  address: string;
  city: string;
  state: string;
  pincode: string;
  brand: string;
  model: string;
  imei1_serialno: string;
  policysource: string;
  brand_warranty_duration: number;
}

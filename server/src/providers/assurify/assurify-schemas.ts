/**
 * The few Assurify response fields we read. The doc shows the init response wrapped in
 * `{status, data}` but the attach response flat (while its own code samples read
 * `.data`), and never shows a plan or an error: we accept both wrappings and read plans
 * and errors as the sandbox answers them (see sandbox/assurify).
 */
import { z } from 'zod';

/** Unwraps `{ "status": "success", "data": {…} }` when present. */
export function unwrapData(body: unknown): unknown {
  if (
    body &&
    typeof body === 'object' &&
    'data' in body &&
    (body as { data: unknown }).data &&
    typeof (body as { data: unknown }).data === 'object'
  ) {
    return (body as { data: unknown }).data;
  }
  return body;
}

export const assurifySessionSchema = z.object({
  session_id: z.string().min(1),
  device_verified: z.boolean().optional(),
  eligible_products: z.array(z.string()).optional(),
  expires_at: z.string(),
});
export type AssurifySession = z.infer<typeof assurifySessionSchema>;

export const assurifyPlanSchema = z.object({
  plan_id: z.string().min(1),
  name: z.string().optional(),
  coverage_type: z.string(),
  term_months: z.number().int().positive().default(12),
  premium_inr: z.number().positive(),
  bharati_valid: z.boolean().default(true),
});
export type AssurifyPlan = z.infer<typeof assurifyPlanSchema>;

export const assurifyPlansSchema = z.object({ plans: z.array(assurifyPlanSchema) });

export const assurifySubscriptionSchema = z.object({
  subscription_id: z.string().min(1),
  plan_id: z.string(),
  price_inr: z.number(),
  activated_at: z.string().optional(),
});
export type AssurifySubscription = z.infer<typeof assurifySubscriptionSchema>;

/**
 * A claim as the verify answer, the status call and the `claim.decision` event give it
 * (the event's fields; the doc shows no answer body, see sandbox/assurify).
 */
export const assurifyDecisionSchema = z.object({
  claim_ref: z.string().min(1),
  decision: z.enum(['APPROVED', 'REJECTED']).optional(),
  ocr_confidence: z.number().optional(),
  risk_flags: z.array(z.string()).default([]),
  extracted: z.object({ vendor: z.string().nullish(), amount: z.number().nullish(), invoice: z.string().nullish() }).partial().nullish(),
  payout_id: z.string().nullish(),
});
export const assurifyClaimSchema = assurifyDecisionSchema.extend({
  claim_id: z.string().optional(),
  status: z.string().optional(),
});
export type AssurifyClaim = z.infer<typeof assurifyClaimSchema>;

export const assurifyErrorSchema = z.object({
  error: z.object({ code: z.string(), message: z.string().optional() }),
});

/**
 * The signed event our webhook route receives. The doc names it and promises "the full policy
 * object and subscription_id", nothing more: we read `subscription_id` at the top of `data` or
 * inside a `policy` object, and `activated_at` the same way (the attach answer's fields).
 */
const eventPolicySchema = z
  .object({ subscription_id: z.string().optional(), activated_at: z.string().optional(), customer: z.string().optional() })
  .passthrough();
export const assurifyEventSchema = z.object({
  id: z.string().min(1).max(100),
  type: z.string().min(1).max(100),
  data: z
    .object({
      subscription_id: z.string().optional(),
      activated_at: z.string().optional(),
      policy: eventPolicySchema.optional(),
      claim_ref: z.string().optional(),
    })
    .passthrough(),
});
export type AssurifyEvent = z.infer<typeof assurifyEventSchema>;

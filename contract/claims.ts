/**
 * Claims on a bound policy: what a claim needs (`GET /v1/orders/{id}/claim-options`), the
 * `claim` part of `POST /v1/orders/{id}/claims`, and the Claim the API answers with. Shared
 * by the server (which enforces these) and `<cover-policy>` (which checks the same rules
 * before uploading anything). `zod/mini`, like schemas.ts.
 */
import * as z from 'zod/mini';

import { addressSchema, isoDateSchema } from './schemas.ts';
import type { Money, ProviderId } from './types.ts';

/** What happened to the device. A provider lists the ones it takes in claim-options `types`. */
export const claimTypes = ['accidental_damage', 'liquid_damage', 'screen_damage', 'breakdown', 'theft'] as const;
export type ClaimType = (typeof claimTypes)[number];

/**
 * `submitted` → `in_review` → `approved` | `rejected`; where the provider repairs:
 * `scheduled` (visit or pickup booked) → `in_repair` → `closed`; and `withdrawn`.
 */
export const claimStatuses = ['submitted', 'in_review', 'approved', 'rejected', 'scheduled', 'in_repair', 'closed', 'withdrawn'] as const;
export type ClaimStatus = (typeof claimStatuses)[number];

/** The image parts of a claim upload, and the types and size each may have. */
export const claimFileFields = ['invoice', 'photo'] as const;
export type ClaimFileField = (typeof claimFileFields)[number];
export const claimFileTypes = ['image/jpeg', 'image/png', 'image/webp'] as const;
export type ClaimFileType = (typeof claimFileTypes)[number];
export const CLAIM_FILE_MAX_BYTES = 10 * 1024 * 1024;

/** What a claim on a policy may ask for; the widget renders exactly these. */
export const claimRequirableFields = [
  'incident.date',
  'incident.description',
  'issue',
  'appointment',
  'address',
  'files.invoice',
  'files.photo',
] as const;
export type ClaimRequirableField = (typeof claimRequirableFields)[number];

export interface ClaimIssue {
  code: string;
  category: string;
  label: string;
}

export interface ClaimSlot {
  code: string;
  /** YYYY-MM-DD, and HH:MM in the provider's local time. */
  date: string;
  from: string;
  to: string;
  kind: 'carry_in' | 'pickup' | 'onsite';
}

/** How to claim where the provider has no claims API (from configuration). */
export interface ClaimContact {
  phone: string | null;
  email: string | null;
  url: string | null;
}

export interface ClaimOptions {
  types: ClaimType[];
  issues: ClaimIssue[];
  slots: ClaimSlot[];
  requires: ClaimRequirableField[];
  contact: ClaimContact | null;
}

const text = (max: number, min = 1) =>
  z
    .string()
    .check(z.trim(), z.minLength(min, min > 1 ? `At least ${min} characters` : 'Required'), z.maxLength(max, `At most ${max} characters`));
const clockTime = z.string().check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'A time as HH:MM'));

/** A date no later than today (UTC, with a day's grace for shoppers east of it). */
function notInFuture(date: string): boolean {
  const time = Date.parse(`${date}T00:00:00Z`);
  // A malformed date is the format check's to name, once.
  return Number.isNaN(time) || time <= Date.now() + 24 * 60 * 60 * 1000;
}

export const claimAppointmentSchema = z.strictObject({
  code: text(60),
  date: isoDateSchema,
  from: clockTime,
  to: clockTime,
});
export type ClaimAppointment = z.infer<typeof claimAppointmentSchema>;

/** The `claim` JSON part of `POST /v1/orders/{id}/claims`. */
export const createClaimRequestSchema = z.strictObject({
  type: z.enum(claimTypes, `One of: ${claimTypes.join(', ')}`),
  incident: z.strictObject({
    date: isoDateSchema.check(z.refine(notInFuture, 'The date cannot be in the future')),
    description: text(2000, 10),
  }),
  issue: z.optional(text(60)),
  appointment: z.optional(claimAppointmentSchema),
  address: z.optional(addressSchema),
});
export type CreateClaimRequest = z.infer<typeof createClaimRequestSchema>;

export const withdrawClaimRequestSchema = z.strictObject({
  reason: z.optional(text(500)),
});
export type WithdrawClaimRequest = z.infer<typeof withdrawClaimRequestSchema>;

export interface ClaimDecision {
  outcome: 'approved' | 'rejected';
  /** Why, in words a shopper understands (the provider's risk flags, translated). */
  reasons: string[];
  payout: (Money & { reference: string }) | null;
}

export interface Claim {
  id: string;
  orderId: string;
  livemode: boolean;
  provider: ProviderId;
  status: ClaimStatus;
  type: ClaimType;
  /** The provider's reference for the claim (what the shopper quotes when calling it). */
  reference: string | null;
  incident: { date: string; description: string };
  appointment: ClaimAppointment | null;
  decision: ClaimDecision | null;
  timeline: { status: ClaimStatus; at: string }[];
  createdAt: string;
  updatedAt: string;
}

/** `POST /v1/orders/{id}/portal-sessions` (secret key): a client secret for the shopper's account page. */
export interface PortalSession {
  orderId: string;
  clientSecret: string;
  expiresAt: string;
}

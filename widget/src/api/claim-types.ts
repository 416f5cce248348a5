/**
 * Claim shapes as DESIGN.md gives them ("GET /v1/orders/{id}/claim-options", the `claim`
 * part of POST /v1/orders/{id}/claims, and Claim). The widget reads only these fields.
 */
import type { Money } from '../../../contract/types.ts';

export type ClaimStatus = 'submitted' | 'in_review' | 'approved' | 'rejected' | 'scheduled' | 'in_repair' | 'closed' | 'withdrawn';

export interface ClaimIssue {
  code: string;
  category?: string;
  label: string;
}

export interface ClaimSlot {
  code: string;
  date: string;
  from: string;
  to: string;
  kind?: string;
}

export interface ClaimContact {
  phone?: string | null;
  email?: string | null;
  url?: string | null;
}

export interface ClaimOptions {
  types: string[];
  issues: ClaimIssue[];
  slots: ClaimSlot[];
  /** `incident.date`, `incident.description`, `issue`, `files.invoice`, `files.photo`, `appointment`, `address`. */
  requires: string[];
  contact: ClaimContact | null;
}

export interface ClaimAddress {
  line1: string;
  line2?: string;
  city: string;
  state: string;
  postalCode: string;
  country: string;
}

export interface ClaimRequest {
  type: string;
  incident: { date: string; description: string };
  issue?: string;
  appointment?: { code: string; date: string; from: string; to: string };
  address?: ClaimAddress;
}

export interface ClaimDecision {
  outcome: 'approved' | 'rejected';
  reasons: string[];
  payout: (Money & { reference?: string | null }) | null;
}

export interface Claim {
  id: string;
  orderId: string;
  provider: string;
  status: ClaimStatus | string;
  type: string;
  reference: string | null;
  incident: { date: string; description: string };
  appointment: { code?: string; date: string; from: string; to: string; kind?: string } | null;
  decision: ClaimDecision | null;
  timeline: { status: string; at: string }[];
  createdAt: string;
  updatedAt: string;
}

/** Statuses after which nothing changes any more: the widget stops asking. */
export const finalClaimStatuses: ReadonlySet<string> = new Set(['approved', 'rejected', 'closed', 'withdrawn']);

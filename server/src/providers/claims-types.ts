/**
 * The claims capability of a provider module (issue 14), re-exported by types.ts: what a
 * provider's claims adapter must do, and how a provider event changes a claim.
 */
import type {
  ClaimAppointment,
  ClaimDecision,
  ClaimFileField,
  ClaimFileType,
  ClaimOptions,
  ClaimStatus,
  CreateClaimRequest,
} from '../../../contract/claims.ts';
import type { StoredClaim, StoredOrder } from '../store/types.ts';
import type { AdapterDependencies } from './types.ts';

/**
 * Claims at the provider (issue 14). A module has `claims` where claims can be made through
 * Coverkit: either a claims API (`create`), or only a way to reach the provider (`options`
 * answers with `contact`, and there is no `create`: the route answers 409
 * `claims_not_supported` and the widget shows the contact). See providers/kit/claims-contact.ts.
 */
export interface ProviderClaims<Config> {
  createClaimsAdapter(config: Config, dependencies: AdapterDependencies): ClaimsAdapter;
}

/** One image the shopper uploaded, already received in full and checked (type by its bytes, size). */
export interface ClaimFile {
  field: ClaimFileField;
  contentType: ClaimFileType;
  size: number;
  /** Streams the file again from the start (it lives in a temporary file): never hold it whole. */
  open(): ReadableStream<Uint8Array>;
}

export interface ClaimOrderInput {
  /** The order whose policy is claimed on: its device (IMEI, serial) and customer are decrypted here. */
  order: StoredOrder;
  signal: AbortSignal;
}

export interface CreateClaimInput extends ClaimOrderInput {
  /** Our claim id (`clm_…`): the provider's claim reference where it takes ours (Assurify's `claim_ref`). */
  claimId: string;
  claim: CreateClaimRequest;
  /** The files the options `requires` (`files.invoice`, `files.photo`), by field. */
  files: Partial<Record<ClaimFileField, ClaimFile>>;
}

export interface ClaimInput extends ClaimOrderInput {
  claim: StoredClaim;
}

/** What the provider said about a claim: where it is now, and what it decided. */
export interface ProviderClaimResult {
  status: ClaimStatus;
  /** The provider's reference (shown to the shopper); keep the one we have where absent. */
  reference?: string | null;
  decision?: ClaimDecision | null;
  appointment?: ClaimAppointment | null;
  /** Provider ids for support and later calls (its own claim id, a payout id); no personal data. */
  providerReferences?: Record<string, string>;
}

/**
 * A provider's claims. Errors: `ProviderError` as everywhere (refused / outage / unknown);
 * a refusal the shopper can act on uses one of these `providerCode`s, which the claims
 * service maps to our codes: `slot_unavailable` (409: pick another slot), `cover_ended`
 * (409: the policy's cover is over), `claim_not_withdrawable` (409). Any other refusal is
 * 422 `provider_declined` with the shopper message.
 */
export interface ClaimsAdapter {
  /**
   * What a claim on this order's policy needs. A Servify implementation fetches the issue
   * list for the device (`issues`, with the provider's codes) and the visit or pickup slots
   * near the order's address (`slots`, `fetchSlots`; an empty list where none are open), and
   * `requires` `issue`, `appointment` and `address`. Assurify lists no issues or slots and
   * requires `incident.*`, `files.invoice` and `files.photo`. `contact` is null wherever
   * `create` exists.
   */
  options(input: ClaimOrderInput): Promise<ClaimOptions>;
  /**
   * Makes the claim at the provider. The service has already checked the request against
   * `options().requires` and that the order is claimable (active, within its cover dates);
   * the adapter checks what only the provider knows. Servify: raise the service request
   * with the chosen issue and slot (`appointment.code` as listed; a slot gone since is a
   * refusal with `providerCode: 'slot_unavailable'`) and answer `scheduled`. Never retried
   * blindly: a provider without idempotency may have created it (throw with the outcome
   * unknown, and the claim stays `submitted` to be refreshed by `status`).
   */
  create?(input: CreateClaimInput): Promise<ProviderClaimResult>;
  /**
   * Fresh news of a claim (on `GET /v1/claims/{id}` while it is not final); null where the
   * provider has nothing new or no status call. Servify: `getClaimDetails` mapped onto our
   * statuses (scheduled → in_repair → closed; a rejection → rejected with its reasons).
   */
  status?(input: ClaimInput): Promise<ProviderClaimResult | null>;
  /** Withdraws the claim at the provider; absent where it cannot (the route answers 409 `withdrawal_not_supported`). */
  withdraw?(input: ClaimInput & { reason: string | null }): Promise<ProviderClaimResult>;
}

/** A claim event, applied through the claims lifecycle (checked against its transition table). */
export interface ClaimEventUpdate {
  claimId: string;
  /** The statuses the claim may be in for this update to apply; otherwise nothing changes. */
  from: readonly ClaimStatus[];
  result: ProviderClaimResult;
}

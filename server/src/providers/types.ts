/**
 * The provider module, the one shape every provider folder exports from its index.ts, and
 * the adapter interface it creates. An adapter turns our device, order and customer into its
 * provider's calls and back; it knows nothing of HTTP routes.
 */
import type { Hono } from 'hono';
import type { z } from 'zod';
import type {
  ClaimAppointment,
  ClaimDecision,
  ClaimFileField,
  ClaimFileType,
  ClaimOptions,
  ClaimStatus,
  CreateClaimRequest,
} from '../../../contract/claims.ts';
import type { ApiErrorCode } from '../../../contract/error-codes.ts';
import type { Customer, OrderDevice } from '../../../contract/schemas.ts';
import type { Money, OrderStatus, ProviderId } from '../../../contract/types.ts';
import type { PolicyResult, ProviderEventUpdate, QuoteDevice, QuotedOffer, QuotedPlan } from '../orders/order-types.ts';
import type { Logger } from '../logger.ts';
import type { StoredClaim, StoredOrder, Store } from '../store/types.ts';
import type { ProviderResilience } from './kit/resilience.ts';
import type { SandboxState } from '../sandbox/sandbox-state.ts';

export type { PolicyResult, ProviderEventUpdate, QuoteDevice, QuotedOffer } from '../orders/order-types.ts';

export interface QuoteInput {
  device: QuoteDevice;
  country: string;
  signal: AbortSignal;
}

/** One plan a provider offers for the device, before we sign it into an offer. */
export interface PlanQuote extends QuotedPlan {
  /** When what the plan was quoted on ends at the provider (a session, say): the offer ends no later. */
  expiresAt?: string;
}

export type QuoteOutcome =
  | {
      kind: 'plans';
      plans: PlanQuote[];
      /** Plans the provider would not offer, said to the shopper (a device already covered, say). */
      unavailable?: { code: string; message: string }[];
    }
  | { kind: 'unavailable'; code: string; message: string };

export interface BindInput {
  orderId: string;
  /** The merchant selling the plan: identities at the provider (Octamile's consumer profiles) are scoped to it. */
  merchantId: string;
  offer: QuotedOffer;
  device: OrderDevice;
  customer: Customer;
  paymentReference: string;
  signal: AbortSignal;
}

export interface BindResult {
  status: Extract<OrderStatus, 'active' | 'pending' | 'pending_activation' | 'declined'>;
  policy: PolicyResult;
  /** What the provider says it charged, where it says so; compared with the quoted price. */
  chargedPrice?: Money;
}

export interface StatusInput {
  orderId: string;
  offer: QuotedOffer;
  policy: PolicyResult | null;
  signal: AbortSignal;
}

export interface ProviderAdapter {
  readonly id: ProviderId;
  readonly displayName: string;
  readonly mode: 'sandbox' | 'live';
  /**
   * True where calling `bind` again for the same order cannot create a second policy
   * (the provider deduplicates on our reference). The reconciler retries only then.
   */
  readonly bindRetrySafe: boolean;
  /** Plans for a device; an unsupported market or device is `unavailable`, not an error. */
  quote(input: QuoteInput): Promise<QuoteOutcome>;
  /** Binds the plan at the provider; throws ProviderError when it cannot. */
  bind(input: BindInput): Promise<BindResult>;
  /** Fresh status from the provider, or null where the provider has no status call. */
  status(input: StatusInput): Promise<BindResult | null>;
  /** Categories and brands the provider can cover, for the catalog. */
  catalog(): Promise<ProviderCatalog>;
  /** Cancels a bound policy; absent where the provider has no cancellation (the route answers 409). */
  cancel?(input: CancelInput): Promise<CancelResult>;
  /** Sends the shopper's activation video (Octamile); absent elsewhere. */
  activate?(input: ActivationInput): Promise<BindResult>;
  /** The policy certificate file, where the provider issues one. */
  certificate?(input: StatusInput): Promise<CertificateFile>;
}

export interface CancelInput extends StatusInput {
  reason: string;
}

export type CancelResult = { cancelled: true; refund?: Money | null } | { cancelled: false; message: string };

export interface ActivationInput extends StatusInput {
  video: ReadableStream<Uint8Array>;
  contentType: string;
  size: number;
  /** Octamile's activation repeats the shopper's details next to the video. */
  device: OrderDevice;
  customer: Customer;
  /** A fresh stream of the same video, so a provider call answered "busy" can be retried. */
  replayVideo?: () => ReadableStream<Uint8Array>;
}

export interface CertificateFile {
  content: Uint8Array;
  contentType: 'application/pdf' | 'image/png' | 'image/jpeg';
}

export interface ProviderCatalog {
  categories: string[];
  brands: { name: string; category: string; models?: string[] }[];
  currencies: string[];
  countries: string[];
}

/** What every provider's configuration has: sandbox mode mounts its simulator in this server. */
export interface ProviderConfigBase {
  mode: 'sandbox' | 'live';
}

/** What config.ts hands each module's `readConfig` besides the module's own variables. */
export interface SharedConfig {
  port: number;
  /** `COVERKIT_MODE`: in live mode a provider some merchant uses must be configured for real (kit/live-config.ts). */
  mode: 'test' | 'live';
  /** Whether any merchant has this provider enabled. */
  used: boolean;
  /** This server's own base URL (`http://127.0.0.1:<port>`), where sandboxes send events back. */
  ownBase: string;
  /** Where this provider's sandbox is mounted in this server: `<ownBase>/sandbox/<id>`. */
  sandboxUrl: string;
  /** Stops the start with a ConfigError naming the variable. */
  fail(name: string, why: string): never;
}

/** What an adapter gets besides its config: the store (Octamile's consumer ids) and its circuit breaker. */
export interface AdapterDependencies {
  store: Store;
  resilience: ProviderResilience;
}

/** One event from a provider, parsed: `id` is what it is stored (and deduplicated) under. */
export interface ParsedProviderEvent<Payload = unknown> {
  id: string;
  type: string;
  payload: Payload;
}

/** Why an event is not taken now; the route answers 404 (`unknown_order`) or 503 + Retry-After (`not_ready`). */
export interface EventRefusal {
  refused: 'unknown_order' | 'not_ready';
  code: ApiErrorCode;
  message: string;
}

export interface ProviderEventContext<Config> {
  config: Config;
  adapter: ProviderAdapter;
  store: Pick<Store, 'getOrder' | 'getOrderById' | 'getProviderValue' | 'getClaimById'>;
  merchantIds: readonly string[];
  bindTimeoutMs: number;
  quoteTimeoutMs: number;
  logger: Logger;
  /** The one way an event changes an order. */
  applyToOrder(update: ProviderEventUpdate): Promise<StoredOrder | null>;
  /** The one way an event changes a claim (a decision, a repair step); null where it moved on. */
  applyToClaim(update: ClaimEventUpdate): Promise<StoredClaim | null>;
}

/**
 * Inbound provider events (webhooks, async callbacks) at `POST /v1/providers/<id>/events`.
 * The route verifies, parses, skips an event already stored, locates the order, applies the
 * event and stores it once; only the route speaks HTTP. `Payload` is `any` by default: a
 * module's events keep their own payload type, which only its own functions see. A claim
 * event (Assurify's `claim.decision`) locates the claim's order and applies through
 * `context.applyToClaim`.
 */
export interface ProviderEvents<Config, Payload = any> {
  /** Paths under /v1 the provider was already given, served as aliases (`/webhooks/assurify`). */
  aliases?: readonly string[];
  /** Checks the signature on the exact bytes received, before anything is parsed. */
  verify(
    config: Config,
    rawBody: string,
    header: (name: string) => string | undefined,
  ): Promise<{ ok: true } | { ok: false; code: ApiErrorCode; message: string; reason?: string }>;
  parse(rawBody: string): { ok: true; event: ParsedProviderEvent<Payload> } | { ok: false; code: ApiErrorCode; message: string };
  /** The order the event is about; null: none, and the event is still acknowledged and stored. */
  locate(event: ParsedProviderEvent<Payload>, context: ProviderEventContext<Config>): Promise<StoredOrder | null | EventRefusal>;
  /** Applies the event to its order (through `context.applyToOrder`) and says what to answer. */
  apply(
    event: ParsedProviderEvent<Payload>,
    order: StoredOrder | null,
    context: ProviderEventContext<Config>,
  ): Promise<Record<string, unknown>>;
  /** What to answer an event already stored. */
  duplicateReply: Record<string, unknown>;
}

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

/**
 * A provider module: everything Coverkit knows about one provider, behind one shape. Only
 * `id`, `displayName`, `environment`, `readConfig` and `createAdapter` are required; the rest
 * are capabilities a provider has or has not.
 */
export interface ProviderModule<
  Id extends string = string,
  Environment extends z.ZodRawShape = z.ZodRawShape,
  Config extends ProviderConfigBase = ProviderConfigBase,
> {
  readonly id: Id;
  readonly displayName: string;
  /** The module's own environment variables and their checks; config.ts merges them into one schema. */
  readonly environment: Environment;
  readConfig(env: z.infer<z.ZodObject<Environment>>, shared: SharedConfig): Config;
  createAdapter(config: Config, dependencies: AdapterDependencies): ProviderAdapter;
  /**
   * The provider's simulator, mounted at `/sandbox/<id>` when its config is in sandbox mode (any
   * Env: only its routes matter). `state` is where it keeps what it must remember across restarts.
   */
  createSandbox?(config: Config, state?: SandboxState): Hono<any, any, any>;
  events?: ProviderEvents<Config>;
  claims?: ProviderClaims<Config>;
  /**
   * The provider's rate limit (calls per minute, all our merchants together: from its doc, or
   * chosen where the doc is silent), and how many calls one quote costs. Quotes spend a budget
   * below it, shared fairly between merchants (providers/kit/provider-budget.ts).
   */
  rateLimit?: { perMinute: number; quoteCost(input: { device: QuoteDevice; country: string }, config: Config): number };
  /** A device, shopper and checkout the sandbox accepts: what the contract suite and fakes quote and bind. */
  sample?: ProviderSample;
}

export interface ProviderSample {
  device: QuoteDevice;
  country: string;
  customer: Customer;
  orderDevice: OrderDevice;
  /** Environment the contract suite runs the sandbox with (shorter delays, say). */
  environment?: Record<string, string>;
  /** What must happen after a bind before the provider reports on it (an activation video, say). */
  afterBind?(
    adapter: ProviderAdapter,
    input: { orderId: string; offer: QuotedOffer; bound: BindResult; signal: AbortSignal },
  ): Promise<PolicyResult>;
}

// `any` config: a list of modules holds four different configs, each module consistent with itself.
export type AnyProviderModule = ProviderModule<string, any, any>;
export type ConfigOf<Module> = Module extends ProviderModule<any, any, infer Config> ? Config : never;

/** Keeps each module's literal id and config type (the registry derives Config.providers from them). */
export function defineProvider<const Id extends string, Environment extends z.ZodRawShape, Config extends ProviderConfigBase>(
  module: ProviderModule<Id, Environment, Config>,
): ProviderModule<Id, Environment, Config> {
  return module;
}

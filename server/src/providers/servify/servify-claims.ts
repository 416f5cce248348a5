/**
 * Servify's claims: options from getIssueList and the carry-in (fetchSlots) and pickup
 * (fetchRequestSlots) calendars; a claim with a slot through createClaimRequest, one without
 * (no slots open, or none configured) through raiseClaimRequest; news from getClaimDetails
 * (found through getClaimList when the create's answer was lost); withdrawal with
 * updateClaimStatus. Refusals a shopper can act on get the providerCodes the claims service
 * knows (slot_unavailable, cover_ended, claim_not_withdrawable).
 */
import type { ClaimOptions, ClaimSlot } from '../../../../contract/claims.ts';
import { ProviderError } from '../../errors.ts';
import { createMemoCache } from '../kit/memo-cache.ts';
import type { AdapterDependencies, ClaimInput, ClaimsAdapter, CreateClaimInput, ProviderClaimResult } from '../types.ts';
import {
  claimDecisionOf,
  claimStatusOf,
  claimTypesFor,
  nextClaimStatus,
  serviceTypeOfSlotCode,
  toClaimIssue,
  toClaimSlot,
} from './map-servify-claim.ts';
import { claimRequestCommon, createClaimRequestBody, deviceLookup, slotLookup } from './map-servify-claim-request.ts';
import { indianDay } from './map-servify-contract.ts';
import { createServifyCatalog } from './servify-catalog.ts';
import { createServifyClaimCalls, type SlotLookup } from './servify-claims-calls.ts';
import type { ServifyIssue, ServifySlot } from './servify-claims-schemas.ts';
import { ServifyClient, type ServifyClientOptions } from './servify-client.ts';
import type { ServifyConfig } from './servify-config.ts';
import { servifyMessageOf } from './servify-errors.ts';

const ISSUES_CACHE_MS = 60 * 60 * 1000;

function refusal(providerCode: string, shopperMessage: string, cause: ProviderError): ProviderError {
  return new ProviderError({
    provider: 'servify',
    failure: 'refused',
    kind: 'refused',
    providerCode,
    shopperMessage,
    status: cause.status,
    cause,
  });
}

const isRefusal = (error: unknown): error is ProviderError => error instanceof ProviderError && error.kind === 'refused';

export function createServifyClaimsAdapter(
  config: ServifyConfig,
  options: Partial<AdapterDependencies> & ServifyClientOptions & { now?: () => Date } = {},
): ClaimsAdapter {
  const client = new ServifyClient(config, options);
  const calls = createServifyClaimCalls(client);
  const catalog = createServifyCatalog(client);
  const now = options.now ?? (() => new Date());
  const issueCache = createMemoCache<ServifyIssue[]>({ ttlMs: ISSUES_CACHE_MS, maxEntries: 200 });

  function issuesFor(lookup: ReturnType<typeof deviceLookup>, signal: AbortSignal) {
    return issueCache.get(JSON.stringify(lookup), () => calls.issueList(lookup, signal));
  }

  /** Carry-in and pickup slots still open; one calendar failing leaves the other, both failing is an error. */
  async function openSlots(lookup: SlotLookup | null, signal: AbortSignal): Promise<ServifySlot[]> {
    if (!lookup) return [];
    const [carryIn, pickup] = await Promise.allSettled([calls.carryInSlots(lookup, signal), calls.pickupSlots(lookup, signal)]);
    if (carryIn.status === 'rejected' && pickup.status === 'rejected') throw carryIn.reason;
    return [carryIn, pickup].flatMap((answer) => (answer.status === 'fulfilled' ? answer.value : [])).filter((slot) => slot.isActive);
  }

  const lookupFor = (order: CreateClaimInput['order'], brandCode: string) =>
    config.serviceLocationCode ? slotLookup(order, brandCode, config.serviceLocationCode, now()) : null;

  /** Why Servify refused a claim, in the terms the claims service knows where a shopper can act on it. */
  async function explainRefusal(error: ProviderError, input: CreateClaimInput, lookup: SlotLookup | null): Promise<ProviderError> {
    const message = servifyMessageOf(error);
    const appointment = input.claim.appointment;
    if (appointment) {
      const gone =
        /slot/i.test(message) ||
        !(await openSlots(lookup, input.signal).catch(() => [])).map(toClaimSlot).some((slot: ClaimSlot) => slot.code === appointment.code);
      if (gone) return refusal('slot_unavailable', 'This slot was taken while you were choosing. Pick another one.', error);
    }
    if (/cover|validity|expired|not active/i.test(message))
      return refusal(
        'cover_ended',
        "Servify says the date of the damage is outside the plan's cover, so it cannot take this claim.",
        error,
      );
    return refusal(
      'claim_refused',
      'Servify could not take this claim. Check the date, the description and the issue, or contact Servify.',
      error,
    );
  }

  /** Servify's reference for a claim: kept from the create, or found by our id in getClaimList when the create's answer was lost. */
  async function referenceOf({ claim, signal }: ClaimInput): Promise<string | null> {
    const known = claim.providerReferences.servifyReference ?? claim.reference;
    if (known) return known;
    const created = new Date(claim.createdAt);
    const first = indianDay(new Date(created.getTime() - 86_400_000));
    const last = indianDay(new Date(created.getTime() + 86_400_000));
    for (let page = 1; ; page++) {
      const list = await calls.claimList(first, last, page, signal);
      const found = list.ClaimList.find((entry) => entry.ExternalReferenceID === claim.id);
      if (found) return found.ReferenceID;
      if (list.ClaimList.length === 0 || page >= (list.TotalPages ?? page)) return null;
    }
  }

  return {
    async options({ order, signal }): Promise<ClaimOptions> {
      const brandCode = await catalog.brandCode(order.offer.device.brand);
      const [issues, slots] = await Promise.all([
        issuesFor(deviceLookup(order, brandCode), signal),
        openSlots(lookupFor(order, brandCode), signal),
      ]);
      return {
        types: claimTypesFor(order.offer.type),
        issues: issues.map(toClaimIssue),
        slots: slots.map(toClaimSlot),
        // Without an open slot the claim is raised unscheduled, and Servify arranges the visit.
        requires:
          slots.length > 0
            ? ['incident.date', 'incident.description', 'issue', 'appointment', 'address']
            : ['incident.date', 'incident.description', 'issue'],
        contact: null,
      };
    },

    async create(input): Promise<ProviderClaimResult> {
      const { order, claimId, claim, signal } = input;
      const brandCode = await catalog.brandCode(order.offer.device.brand);
      const lookup = deviceLookup(order, brandCode);
      const issue = (await issuesFor(lookup, signal).catch(() => [])).find((candidate) => candidate.issueCode === claim.issue);
      const common = claimRequestCommon(order, claimId, claim, brandCode, issue?.issueCategoryCode || null);
      const serviceType = claim.appointment ? serviceTypeOfSlotCode(claim.appointment.code) : null;
      const visit = Boolean(serviceType && config.serviceLocationCode);
      try {
        const raised = visit
          ? await calls.createClaim(createClaimRequestBody(common, order, claim, serviceType!, config.serviceLocationCode!), signal)
          : await calls.raiseClaim(common, signal);
        const status = claimStatusOf(raised.status ?? '', raised.statusCode, visit) ?? (visit ? 'scheduled' : 'in_review');
        return {
          status,
          reference: raised.referenceID,
          appointment: visit ? claim.appointment! : null,
          decision: status === 'approved' ? { outcome: 'approved', reasons: [], payout: null } : null,
          providerReferences: { servifyReference: raised.referenceID, ...(serviceType && visit ? { serviceType } : {}) },
        };
      } catch (error) {
        if (!isRefusal(error)) throw error;
        throw await explainRefusal(error, input, lookupFor(order, brandCode));
      }
    },

    async status(input): Promise<ProviderClaimResult | null> {
      const reference = await referenceOf(input);
      if (!reference) return null;
      const details = await calls.claimDetails({ referenceId: reference }, input.signal);
      const visit = input.claim.appointment !== null;
      const status = nextClaimStatus(input.claim.status, details, visit);
      // The decision goes with the status it belongs to: a claim still catching up shows it when it gets there.
      const caughtUp = claimStatusOf(details.Status, details.StatusCode, visit) === status;
      return {
        status,
        reference,
        ...(caughtUp ? { decision: claimDecisionOf(details) } : {}),
        providerReferences: { servifyReference: reference },
      };
    },

    async withdraw(input): Promise<ProviderClaimResult> {
      const reference = await referenceOf(input);
      // Servify never took it: there is nothing there to withdraw.
      if (!reference) return { status: 'withdrawn' };
      try {
        await calls.withdraw(reference, input.signal);
      } catch (error) {
        if (!isRefusal(error)) throw error;
        throw refusal('claim_not_withdrawable', 'Servify has already started on this claim, so it can no longer be withdrawn.', error);
      }
      return { status: 'withdrawn', reference };
    },
  };
}

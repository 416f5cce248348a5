/**
 * Servify's ServiceRequest claim calls: getIssueList, fetchSlots, fetchRequestSlots,
 * createClaimRequest, raiseClaimRequest, getClaimDetails, getClaimList, updateClaimStatus.
 * Field problems answer DATA.BAD_REQUEST.400; refusals about the claim itself (no live plan,
 * loss outside the cover, slot taken, too late to withdraw) answer SM.WTR.001 with HTTP status
 * 200, as the doc's own example of a business failure does, each with its own message.
 */
import { Hono, type Context } from 'hono';
import type { ClaimsBook, SandboxClaim } from './servify-claims-book.ts';
import { scenarioOf, triggerIn } from './servify-claim-timeline.ts';
import { fetchRequestSlotsFields, fetchSlotsFields, invalidClaimFields, issueListFields } from './servify-claim-validation.ts';
import type { ContractBook } from './servify-contracts.ts';
import { failure, success, type ServifySandboxEnvelope } from './servify-envelope.ts';
import { findIssue, servifyIssues } from './servify-issues.ts';
import type { ServifySandboxEnv } from './servify-security.ts';
import { findSlot, serviceTypeOf, slotCalendar, type ServiceTypeCode } from './servify-slots.ts';
import { invalidFields } from './servify-validation.ts';
import { claimDetails, claimListEntry } from './servify-claim-answers.ts';

export interface ClaimRoutesOptions {
  contracts: ContractBook;
  claims: ClaimsBook;
  now: () => Date;
  respond: (context: Context, envelope: ServifySandboxEnvelope) => Promise<Response>;
}

const PAGE_SIZE = 10;
const WITHDRAW = 'SC0060';

const badFields = (fields: string[]) => failure('DATA.BAD_REQUEST.400', `Invalid or missing parameters: ${fields.join(', ')}`);
/** A refusal about the claim, answered like the doc's SM.WTR.001 example (HTTP 200, success false). */
const refusal = (message: string): ServifySandboxEnvelope => ({ ...failure('SM.WTR.001', message), status: 200 });
const indiaToday = (now: Date) => new Date(now.getTime() + 330 * 60_000).toISOString().slice(0, 10);

export function createServifyClaimRoutes({ contracts, claims, now, respond }: ClaimRoutesOptions) {
  /** Slots another shopper took in the "slot taken" scenario (memory only: a demo aid). */
  const takenElsewhere = new Set<string>();
  const isBooked = (type: ServiceTypeCode) => (date: string, from: string) =>
    takenElsewhere.has(`${type}|${date}|${from}`) || claims.isBooked(type, date, from);

  /** Everything createClaimRequest and raiseClaimRequest check alike; a claim to store, or the refusal. */
  function claimFrom(
    body: Record<string, unknown>,
    visit: boolean,
  ): Omit<SandboxClaim, 'referenceId' | 'createdAt' | 'withdrawnAt'> | ServifySandboxEnvelope {
    const bad = invalidClaimFields(body, visit);
    if (bad.length) return badFields(bad);
    const loss = body.consumerServiceRequestDetails as { lossDateTime: string; descriptionOfLoss: string };
    if (loss.lossDateTime > indiaToday(now())) return failure('DATA.BAD_REQUEST.400', 'lossDateTime cannot be in the future');
    if (claims.find(undefined, body.externalReferenceID)) return refusal('A claim with this externalReferenceID already exists');
    const contract = contracts.forDevice(body.imeiOrSerial, body.planCode);
    if (!contract) return refusal('No contract found for this device and plan');
    if (contract.status !== 'Active') return refusal('The contract on this device is not active');
    const description = loss.descriptionOfLoss;
    const trigger = triggerIn(description);
    const chosen = claims.scenario.get();
    if (
      loss.lossDateTime > contract.validityTillDate ||
      loss.lossDateTime < contract.coverageStartDate ||
      trigger === 'coverEnded' ||
      (!trigger && chosen === 'cover_ended')
    )
      return refusal('The date of loss is outside the coverage period of the contract');
    const issues = (body.issues as { issueCode: string; issueRemarks?: unknown }[]).map((issue) => ({
      issueCode: issue.issueCode,
      issueCategoryCode: findIssue(issue.issueCode)!.issueCategoryCode,
      ...(typeof issue.issueRemarks === 'string' ? { issueRemarks: issue.issueRemarks } : {}),
    }));
    let serviceTypeCode: ServiceTypeCode | null = null;
    let slot: SandboxClaim['slot'] = null;
    let address: SandboxClaim['address'] = null;
    if (visit) {
      const request = body.consumerServiceRequest as Record<string, unknown>;
      serviceTypeCode = serviceTypeOf(request.serviceTypeCode) ?? null;
      if (!serviceTypeCode) return failure('DATA.BAD_REQUEST.400', 'consumerServiceRequest.serviceTypeCode is not enabled for this client');
      slot = findSlot(now(), request.scheduledDateTime, request.scheduledFromTime) ?? null;
      if (!slot) return refusal('The selected slot is not available');
      if (trigger === 'slotTaken' || (!trigger && chosen === 'slot_taken'))
        takenElsewhere.add(`${serviceTypeCode}|${slot.date}|${slot.from}`);
      if (isBooked(serviceTypeCode)(slot.date, slot.from)) return refusal('The selected slot is no longer available');
      const text = (key: string, fallback = '') => (typeof request[key] === 'string' ? (request[key] as string) : fallback);
      address = {
        address: text('address'),
        landmark: text('landmark'),
        zipcode: text('zipcode'),
        lat: text('lat'),
        lng: text('lng'),
        addressType: text('addressType', 'Home'),
      };
    }
    return {
      externalReferenceId: String(body.externalReferenceID),
      soldPlanCode: contract.soldPlanCode,
      contractName: `${contract.planName} contract`,
      contractReference: contract.externalReferenceId,
      imei: contract.productUniqueId,
      brandName: contract.brandName,
      repeatRepair: !visit,
      scenario: scenarioOf(description, chosen),
      serviceTypeCode,
      slot,
      issues,
      lossDate: loss.lossDateTime,
      lossDescription: description,
      consumer: { name: String(body.name), mobileNo: String(body.mobileNo), phoneCode: String(body.phoneCode ?? '') },
      address,
      coveredValue: typeof body.coveredValue === 'number' ? body.coveredValue : null,
      currencyCode: typeof body.currencyCode === 'string' ? body.currencyCode : 'INR',
    };
  }

  return new Hono<ServifySandboxEnv>()
    .post('/ServiceRequest/getIssueList', (context) => {
      const bad = invalidFields(context.get('servifyBody'), issueListFields);
      return respond(context, bad.length ? badFields(bad) : success('Success', servifyIssues));
    })
    .post('/ServiceRequest/fetchSlots', (context) => {
      const body = context.get('servifyBody');
      const bad = invalidFields(body, fetchSlotsFields);
      if (bad.length) return respond(context, badFields(bad));
      if (serviceTypeOf(body.ServiceType) !== 'CLAIM_CARRYIN')
        return respond(context, failure('DATA.BAD_REQUEST.400', 'ServiceType is not enabled for this client'));
      const availableSlots = slotCalendar(now(), isBooked('CLAIM_CARRYIN')).map(({ date, slots }) => ({
        date,
        correlationId: `GSX-${crypto.randomUUID()}`,
        slots: slots.map((slot) => ({
          StartTime: slot.from,
          EndTime: slot.to,
          IsActive: slot.isActive,
          SlotCode: slot.slotCode,
          TimeZone: '+05:30',
          ReservationType: 'CIN',
          ReservationTypeDescription: 'Carry-In',
        })),
      }));
      return respond(context, success('Success', { availableSlots }));
    })
    .post('/ServiceRequest/fetchRequestSlots', (context) => {
      const body = context.get('servifyBody');
      const bad = invalidFields(body, fetchRequestSlotsFields);
      if (bad.length) return respond(context, badFields(bad));
      const type = serviceTypeOf(body.serviceTypeCode);
      if (!type) return respond(context, failure('DATA.BAD_REQUEST.400', 'serviceTypeCode is not enabled for this client'));
      const availableSlots = slotCalendar(now(), isBooked(type)).map(({ date, slots }) => ({
        date,
        slots: slots.map((slot) => ({
          startTimeVal: slot.from,
          endTimeVal: slot.to,
          isActive: slot.isActive,
          slotCode: slot.slotCode,
          timeZone: 'Asia/Kolkata',
        })),
      }));
      return respond(context, success('Success', { availableSlots }));
    })
    .post('/ServiceRequest/createClaimRequest', (context) => {
      const claim = claimFrom(context.get('servifyBody'), true);
      if ('status' in claim) return respond(context, claim);
      const stored = claims.add(claim);
      return respond(
        context,
        success('Success', {
          referenceID: stored.referenceId,
          statusCode: 'SC0061',
          // Spelt as the doc's createClaimRequest sample spells it (elsewhere "Service accepted").
          status: 'Serviceaccepted',
          externalReferenceID: stored.externalReferenceId,
          ...(stored.serviceTypeCode === 'CLAIM_PICKUP'
            ? { logisticsLabel: Buffer.from(`PICKUP ${stored.referenceId}`).toString('base64') }
            : {}),
        }),
      );
    })
    .post('/ServiceRequest/raiseClaimRequest', (context) => {
      const claim = claimFrom(context.get('servifyBody'), false);
      if ('status' in claim) return respond(context, claim);
      const stored = claims.add(claim);
      return respond(
        context,
        success('Success', {
          referenceID: stored.referenceId,
          status: 'In-principle approved',
          statusCode: 'SC0059',
          externalReferenceID: stored.externalReferenceId,
        }),
      );
    })
    .post('/ServiceRequest/getClaimDetails', (context) => {
      const body = context.get('servifyBody');
      if (!body.ReferenceID && !body.ExternalReferenceID)
        return respond(context, failure('DATA.BAD_REQUEST.400', 'ReferenceID or ExternalReferenceID is required'));
      const claim = claims.find(body.ReferenceID, body.ExternalReferenceID);
      if (!claim) return respond(context, failure('DATA.BAD_REQUEST.400', 'No claim found'));
      return respond(context, success('Success', claimDetails(claim, claims.logs(claim))));
    })
    .post('/ServiceRequest/getClaimList', (context) => {
      const body = context.get('servifyBody');
      const bad = invalidFields(body, { StartDate: 'date', EndDate: 'date' });
      if (bad.length) return respond(context, badFields(bad));
      const page = Number((body.Pagination as { CurrentPage?: unknown } | undefined)?.CurrentPage ?? 1);
      if (!Number.isInteger(page) || page < 1) return respond(context, badFields(['Pagination.CurrentPage']));
      const all = claims.between(String(body.StartDate), String(body.EndDate));
      return respond(
        context,
        success('Success', {
          ClaimList: all.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE).map((claim) => claimListEntry(claim, claims.current(claim))),
          TotalCount: all.length,
          TotalPages: Math.ceil(all.length / PAGE_SIZE),
          CurrentPage: page,
          app: 'Servify_Sandbox',
        }),
      );
    })
    .post('/ServiceRequest/updateClaimStatus', (context) => {
      const body = context.get('servifyBody');
      const bad = invalidFields(body, { ReferenceID: 'text', StatusCode: 'text' });
      if (bad.length) return respond(context, badFields(bad));
      // The doc: status codes are "provided during the integration"; ours is withdrawal only.
      if (body.StatusCode !== WITHDRAW)
        return respond(context, failure('DATA.BAD_REQUEST.400', 'StatusCode is not enabled for this client'));
      const claim = claims.find(body.ReferenceID, undefined);
      if (!claim) return respond(context, failure('DATA.BAD_REQUEST.400', 'No claim found'));
      if (claims.current(claim).StatusCode !== WITHDRAW) {
        if (!claims.withdrawable(claim)) return respond(context, refusal('The claim can no longer be withdrawn'));
        claims.withdraw(claim);
      }
      const status = claims.current(claim);
      return respond(
        context,
        success('Success', {
          ReferenceID: claim.referenceId,
          ExternalReferenceID: claim.externalReferenceId,
          StatusCode: status.StatusCode,
          Status: status.Status,
        }),
      );
    });
}

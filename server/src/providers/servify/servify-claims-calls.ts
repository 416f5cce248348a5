/**
 * Servify's ServiceRequest claim calls through the signed, encrypted client. Reads are
 * retried on outages; creating and withdrawing are not (a repeated create is refused as a
 * duplicate of our externalReferenceID, and the claim is then found with getClaimDetails).
 */
import type { z } from 'zod';
import type { ServifyClient } from './servify-client.ts';
import { unreadableAnswer } from './servify-errors.ts';
import {
  claimDetailsSchema,
  claimListSchema,
  fetchRequestSlotsSchema,
  fetchSlotsSchema,
  issueListSchema,
  raisedClaimSchema,
  updatedClaimSchema,
  type ClaimRequestCommon,
  type CreateClaimRequest,
  type ServifySlot,
} from './servify-claims-schemas.ts';

/** Servify's code for withdrawing a claim (the doc's getClaimList shows it as "Claim withdrawn"). */
export const WITHDRAW_STATUS_CODE = 'SC0060';

export interface DeviceLookup {
  countryCode: string;
  productSubCategoryCode: string;
  brandCode: string;
  productCode?: string;
}

export interface SlotLookup extends DeviceLookup {
  zipcode: string;
  serviceLocationCode: string;
  productCode: string;
  /** Current time in the shopper's zone, `YYYY-MM-DD HH:mm:ss` (fetchSlots asks for it). */
  currentDateTime: string;
}

/** An answer in a shape we cannot read is Servify's fault, said as a ProviderError (never a ZodError). */
function parse<Schema extends z.ZodType>(schema: Schema, value: unknown): z.infer<Schema> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw unreadableAnswer(200, 'a claim call answered an unexpected shape', parsed.error);
  return parsed.data;
}

const hms = (time: string) => (/^\d{2}:\d{2}$/.test(time) ? `${time}:00` : time);

export function createServifyClaimCalls(client: ServifyClient) {
  const read = (path: string, body: unknown, signal: AbortSignal) => client.call(path, body, signal, { retry: true });

  return {
    async issueList(device: DeviceLookup, signal: AbortSignal) {
      return parse(issueListSchema, await read('/ServiceRequest/getIssueList', device, signal));
    },

    /** Carry-in slots at the service centre (fetchSlots). */
    async carryInSlots(lookup: SlotLookup, signal: AbortSignal): Promise<ServifySlot[]> {
      const answer = parse(
        fetchSlotsSchema,
        await read(
          '/ServiceRequest/fetchSlots',
          {
            ServiceType: 'Carry In',
            CountryCode: lookup.countryCode,
            Zipcode: lookup.zipcode,
            ProductCode: lookup.productCode,
            // The doc's ProductFamily is "provided by Servify during the integration"; the brand is our stand-in.
            ProductFamily: lookup.brandCode,
            BrandCode: lookup.brandCode,
            ProductSubCategoryCode: lookup.productSubCategoryCode,
            TimeZone: '+05:30',
            CurrentDateTime: lookup.currentDateTime,
            ServiceLocationCode: lookup.serviceLocationCode,
          },
          signal,
        ),
      );
      return answer.availableSlots.flatMap(({ date, slots }) =>
        slots.map((slot) => ({
          serviceTypeCode: 'CLAIM_CARRYIN' as const,
          slotCode: slot.SlotCode,
          date,
          from: slot.StartTime,
          to: slot.EndTime,
          isActive: slot.IsActive,
        })),
      );
    },

    /** Pickup slots (fetchRequestSlots for CLAIM_PICKUP). */
    async pickupSlots(lookup: SlotLookup, signal: AbortSignal): Promise<ServifySlot[]> {
      const answer = parse(
        fetchRequestSlotsSchema,
        await read(
          '/ServiceRequest/fetchRequestSlots',
          {
            serviceTypeCode: 'CLAIM_PICKUP',
            countryCode: lookup.countryCode,
            zipcode: lookup.zipcode,
            productSubCategoryCode: lookup.productSubCategoryCode,
            brandCode: lookup.brandCode,
            productCode: lookup.productCode,
            serviceLocationCode: lookup.serviceLocationCode,
          },
          signal,
        ),
      );
      return answer.availableSlots.flatMap(({ date, slots }) =>
        slots.map((slot) => ({
          serviceTypeCode: 'CLAIM_PICKUP' as const,
          slotCode: slot.slotCode,
          date,
          from: slot.startTimeVal,
          to: slot.endTimeVal,
          isActive: slot.isActive,
        })),
      );
    },

    async createClaim(request: CreateClaimRequest, signal: AbortSignal) {
      const visit = request.consumerServiceRequest;
      const body = {
        ...request,
        consumerServiceRequest: { ...visit, scheduledFromTime: hms(visit.scheduledFromTime), scheduledToTime: hms(visit.scheduledToTime) },
      };
      return parse(raisedClaimSchema, await client.call('/ServiceRequest/createClaimRequest', body, signal));
    },

    /** A claim without a booked visit (the doc: "used to create repeat repair"). */
    async raiseClaim(request: ClaimRequestCommon, signal: AbortSignal) {
      return parse(raisedClaimSchema, await client.call('/ServiceRequest/raiseClaimRequest', request, signal));
    },

    async claimDetails(reference: { referenceId?: string; externalReferenceId?: string }, signal: AbortSignal) {
      const body = reference.referenceId ? { ReferenceID: reference.referenceId } : { ExternalReferenceID: reference.externalReferenceId };
      return parse(claimDetailsSchema, await read('/ServiceRequest/getClaimDetails', body, signal));
    },

    /** One page of the claims created between two days (YYYY-MM-DD). */
    async claimList(startDate: string, endDate: string, page: number, signal: AbortSignal) {
      return parse(
        claimListSchema,
        await read('/ServiceRequest/getClaimList', { StartDate: startDate, EndDate: endDate, Pagination: { CurrentPage: page } }, signal),
      );
    },

    async withdraw(referenceId: string, signal: AbortSignal) {
      return parse(
        updatedClaimSchema,
        await client.call('/ServiceRequest/updateClaimStatus', { ReferenceID: referenceId, StatusCode: WITHDRAW_STATUS_CODE }, signal),
      );
    },
  };
}
export type ServifyClaimCalls = ReturnType<typeof createServifyClaimCalls>;

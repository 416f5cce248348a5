/** The fields of Servify's ServiceRequest claim answers we read (decrypted), and the bodies we send. */
import { z } from 'zod';

export const issueListSchema = z.array(
  z.object({
    // "If issue is 'Others' then we will send this field as empty": absent or empty.
    issueCategoryCode: z.string().nullish(),
    issueCategory: z.string().nullish(),
    issueCode: z.string().min(1),
    issue: z.string(),
  }),
);
export type ServifyIssue = z.infer<typeof issueListSchema>[number];

/** fetchSlots: PascalCase slots with a UTC-offset zone. */
export const fetchSlotsSchema = z.object({
  availableSlots: z.array(
    z.object({
      date: z.string(),
      correlationId: z.string().nullish(),
      slots: z.array(
        z.object({
          StartTime: z.string(),
          EndTime: z.string(),
          IsActive: z.boolean(),
          SlotCode: z.string(),
          TimeZone: z.string().nullish(),
        }),
      ),
    }),
  ),
});

/** fetchRequestSlots: the same calendar in camelCase with an IANA zone. */
export const fetchRequestSlotsSchema = z.object({
  availableSlots: z.array(
    z.object({
      date: z.string(),
      slots: z.array(
        z.object({
          startTimeVal: z.string(),
          endTimeVal: z.string(),
          isActive: z.boolean(),
          slotCode: z.string(),
          timeZone: z.string().nullish(),
        }),
      ),
    }),
  ),
});

/** createClaimRequest and raiseClaimRequest answer alike. */
export const raisedClaimSchema = z.object({
  referenceID: z.string().min(1),
  statusCode: z.string().nullish(),
  status: z.string().nullish(),
  externalReferenceID: z.string().nullish(),
});
export type RaisedClaim = z.infer<typeof raisedClaimSchema>;

const logSchema = z.object({
  Status: z.string(),
  StatusCode: z.string().nullish(),
  StatusDisplayText: z.string().nullish(),
  CreatedOn: z.string().nullish(),
});
export type ServifyClaimLog = z.infer<typeof logSchema>;

export const claimDetailsSchema = z.object({
  ReferenceID: z.string(),
  ExternalReferenceID: z.string().nullish(),
  Status: z.string(),
  StatusCode: z.string().nullish(),
  Logs: z.array(logSchema).nullish(),
  Charges: z
    .array(z.object({ ChargeType: z.string().nullish(), Amount: z.number().nullish(), CurrencyCode: z.string().nullish() }))
    .nullish(),
});
export type ServifyClaimDetails = z.infer<typeof claimDetailsSchema>;

export const claimListSchema = z.object({
  ClaimList: z.array(
    z.object({
      ReferenceID: z.string(),
      ExternalReferenceID: z.string().nullish(),
      Status: z.string(),
      StatusCode: z.string().nullish(),
      CreatedDate: z.string().nullish(),
      UpdatedDate: z.string().nullish(),
    }),
  ),
  TotalPages: z.number().nullish(),
  CurrentPage: z.number().nullish(),
});
export type ServifyClaimListEntry = z.infer<typeof claimListSchema>['ClaimList'][number];

export const updatedClaimSchema = z.object({ ReferenceID: z.string(), StatusCode: z.string().nullish(), Status: z.string().nullish() });

/** The device and plan a claim is about, as createClaimRequest and raiseClaimRequest both carry them. */
export interface ClaimRequestCommon {
  externalReferenceID: string;
  name: string;
  mobileNo: string;
  emailID?: string;
  countryCode: string;
  phoneCode: string;
  state?: string;
  zipcode?: string;
  productSubCategoryCode: string;
  brandCode: string;
  productCode?: string;
  imeiOrSerial: string;
  planCode: string;
  coveredValue?: number;
  currencyCode: string;
  salesChannel: string;
  issues: { issueCode: string; issueRemarks?: string; issueCategoryCode?: string }[];
  consumerServiceRequestDetails: { lossDateTime: string; descriptionOfLoss: string };
}

export interface CreateClaimRequest extends ClaimRequestCommon {
  referenceID: string;
  consumerServiceRequest: {
    address: string;
    addressType: string;
    landmark?: string;
    state: string;
    city: string;
    scheduledDateTime: string;
    scheduledFromTime: string;
    scheduledToTime: string;
    zipcode: string;
    serviceLocationCode: string;
    serviceTypeCode: string;
  };
}

/** One slot as both calendars give it, with the service type it was listed for. */
export interface ServifySlot {
  serviceTypeCode: 'CLAIM_CARRYIN' | 'CLAIM_PICKUP';
  slotCode: string;
  date: string;
  from: string;
  to: string;
  isActive: boolean;
}

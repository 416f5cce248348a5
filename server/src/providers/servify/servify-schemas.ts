/** The few Servify response fields we read (decrypted), plus the request bodies we send. */
import { z } from 'zod';

/** Every answer, success or failure, once `$data` is decrypted. */
export const servifyEnvelopeSchema = z.object({
  status: z.number(),
  success: z.boolean(),
  message: z.string().optional(),
  data: z.unknown().optional(),
  errorCode: z.string().optional(),
  ticketNumber: z.string().optional(),
});
export type ServifyEnvelope = z.infer<typeof servifyEnvelopeSchema>;

export const encryptedBodySchema = z.object({ $data: z.string().min(1) });

export const tokenSchema = z.object({ token: z.string().min(1), ttl: z.number() });

export const eligibilitySchema = z.object({
  IsEligible: z.boolean(),
  EligibilityStatusCode: z.string(),
  PlanPrice: z.number().optional(),
  CurrencyCode: z.string().optional(),
  PlanName: z.string().optional(),
  PlanCode: z.string().optional(),
  PlanTermsAndConditions: z.string().optional(),
});
export type Eligibility = z.infer<typeof eligibilitySchema>;

export const createdContractSchema = z.object({ SoldPlanCode: z.string().min(1) });
export const queuedSchema = z.object({ requestCode: z.string().min(1) });

export const cancellationSchema = z.object({
  StatusCode: z.string(),
  CoverageEndDate: z.string().optional(),
  isCancellable: z.boolean(),
});

export const contractInfoSchema = z.object({
  Contract: z.object({
    CoverageStartDate: z.string().optional(),
    ValidityTillDate: z.string().optional(),
    StatusText: z.string(),
    SoldPlanCode: z.string(),
  }),
});
export type ContractInfo = z.infer<typeof contractInfoSchema>;

export const activationDetailsSchema = z.object({
  OrderItems: z.array(z.object({ OrderItemID: z.string(), OrderItemData: z.array(z.object({ ActivationCode: z.string() })) })),
});

export const brandListSchema = z.array(z.object({ brandCode: z.string(), brandName: z.string() }));
export const productListSchema = z.array(z.object({ productCode: z.string(), productName: z.string() }));

export interface EligibilityRequest {
  PlanCode: string;
  BrandCode: string;
  ProductUniqueID: string;
  ProductPurchaseCost: number;
  CountryCode: string;
  ProductSubCategoryCode: string;
  DeviceDateOfPurchase?: string;
  SerialNo?: string;
}

/** `Contract/createContract`: every starred field of the doc, plus the optional ones we know. */
export interface CreateContractRequest {
  ExternalReferenceID: string;
  ProductUniqueID: string;
  SerialNumber?: string;
  DeviceDateOfPurchase: string;
  CustomerName: string;
  PhoneCode: string;
  CountryCode: string;
  CurrencyCode: string;
  MobileNo: string;
  EmailID: string;
  BrandCode: string;
  PlanCode: string;
  DateOfPurchase: string;
  ProductSubCategoryCode: string;
  ProductPurchaseCost: number;
  State: string;
  Zipcode: string;
  OrderID: string;
  OrderItemID: string;
  PlanPrice: number;
  Frequency: number;
  FrequencyUnit: string;
  SalesChannel: string;
  CustomerAddress: { AddressLine1: string; AddressLine2?: string; Zipcode: string; City: string; State: string };
}

/** getContractDetailsbyIMEI: the doc's example says `warrantyTill`, its table `WarrantyTill`. */
export const coveredUntilSchema = z.array(
  z
    .object({ imei: z.string(), warrantyTill: z.string().optional(), WarrantyTill: z.string().optional() })
    .transform((entry) => ({ imei: entry.imei, until: entry.warrantyTill ?? entry.WarrantyTill ?? null })),
);

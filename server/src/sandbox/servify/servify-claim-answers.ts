/** getClaimDetails and getClaimList entries in the doc's shapes (Logs newest first, as its sample). */
import type { ClaimLog, SandboxClaim } from './servify-claims-book.ts';
import { servifyStatuses } from './servify-claim-timeline.ts';
import { findIssue } from './servify-issues.ts';

/** A settled claim's payment, as a line of the doc's Charges (which have no payout type of their own). */
function charges(claim: SandboxClaim, current: ClaimLog) {
  if (current.Status !== servifyStatuses.settled.Status) return [];
  return [
    {
      TaxPercentage: 0,
      ChargeType: 'Claim amount',
      Name: 'Claim settlement',
      ChargeCodeType: 'SAC',
      ChargeCode: '998716',
      Amount: claim.coveredValue ?? 0,
      TaxType: null,
      CurrencyCode: claim.currencyCode,
      Discount: 0,
      WarrantyConcession: 0,
    },
  ];
}

export function claimDetails(claim: SandboxClaim, logs: ClaimLog[]) {
  const current = logs.at(-1)!;
  const damage = findIssue(claim.issues[0]?.issueCode);
  return {
    ExternalReferenceID: claim.externalReferenceId,
    ReferenceID: claim.referenceId,
    Status: current.Status,
    StatusCode: current.StatusCode ?? null,
    StatusDisplayText: current.StatusDisplayText,
    Product: { ProductName: claim.brandName, BrandName: claim.brandName },
    ConsumerDetails: { MobileNo: claim.consumer.mobileNo, Name: claim.consumer.name, PhoneCode: claim.consumer.phoneCode },
    ServiceType: claim.serviceTypeCode === 'CLAIM_PICKUP' ? 'Claim Pickup' : claim.serviceTypeCode ? 'Claim Carryin' : 'Claim',
    ConsumerAddress: claim.address
      ? {
          Address: claim.address.address,
          Landmark: claim.address.landmark,
          ZipCode: claim.address.zipcode,
          Lat: claim.address.lat,
          Lng: claim.address.lng,
          AddressType: claim.address.addressType,
        }
      : null,
    Logs: [...logs].reverse().map((log) => ({
      Status: log.Status,
      StatusDisplayText: log.StatusDisplayText,
      CreatedOn: log.at,
      UpdatedOn: log.at,
      ...(log.StatusCode ? { StatusCode: log.StatusCode } : {}),
    })),
    Contract: { ContractName: claim.contractName, ContractCode: claim.soldPlanCode, ExternalReferenceID: claim.contractReference },
    Charges: charges(claim, current),
    RequestMode: claim.repeatRepair ? 'Repeat repair' : 'Service',
    DamageType: damage?.issueCategory ?? 'Other',
    DamageDescription: claim.lossDescription,
    app: 'Servify_Sandbox',
  };
}

export function claimListEntry(claim: SandboxClaim, current: ClaimLog) {
  return {
    ExternalReferenceID: claim.externalReferenceId,
    ReferenceID: claim.referenceId,
    Status: current.Status,
    StatusCode: current.StatusCode ?? null,
    IMEI: claim.imei,
    ContractCode: claim.soldPlanCode,
    CreatedDate: claim.createdAt,
    UpdatedDate: current.at,
  };
}

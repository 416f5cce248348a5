/** Our order and claim → Servify's createClaimRequest / raiseClaimRequest bodies. */
import type { CreateClaimRequest as OurClaimRequest } from '../../../../contract/claims.ts';
import type { StoredOrder } from '../../store/types.ts';
import { indianDay, splitPhone, subCategoryCode } from './map-servify-contract.ts';
import type { ClaimRequestCommon, CreateClaimRequest, ServifySlot } from './servify-claims-schemas.ts';
import type { DeviceLookup, SlotLookup } from './servify-claims-calls.ts';

export function deviceLookup(order: StoredOrder, brandCode: string): DeviceLookup & { productCode: string } {
  return {
    countryCode: order.offer.country,
    productSubCategoryCode: subCategoryCode(order.offer.device.category),
    brandCode,
    // Servify's product codes come from its masters, which list few models: the model name stands in.
    productCode: order.offer.device.model,
  };
}

/** Where slots are looked for: the order's address, now in India (fetchSlots wants the shopper's current time). */
export function slotLookup(order: StoredOrder, brandCode: string, serviceLocationCode: string, now: Date): SlotLookup | null {
  const zipcode = order.customer.address?.postalCode;
  if (!zipcode) return null;
  const time = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Asia/Kolkata',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  });
  return {
    ...deviceLookup(order, brandCode),
    zipcode,
    serviceLocationCode,
    currentDateTime: `${indianDay(now)} ${time.format(now)}`,
  };
}

/** The plan the claim is on: Servify's SoldPlanCode, which identifies the contract. */
export function planCodeOf(order: StoredOrder): string {
  return order.policy?.providerReferences?.soldPlanCode ?? order.policy?.reference ?? order.offer.planCode;
}

export function claimRequestCommon(
  order: StoredOrder,
  claimId: string,
  claim: OurClaimRequest,
  brandCode: string,
  issueCategoryCode: string | null,
): ClaimRequestCommon {
  const { customer, device, offer } = order;
  const address = claim.address ?? customer.address;
  const { PhoneCode, MobileNo } = splitPhone(customer.phone);
  return {
    externalReferenceID: claimId,
    name: customer.name,
    mobileNo: MobileNo,
    emailID: customer.email,
    phoneCode: PhoneCode,
    ...(address?.state ? { state: address.state } : {}),
    ...(address?.postalCode ? { zipcode: address.postalCode } : {}),
    ...deviceLookup(order, brandCode),
    imeiOrSerial: device.imei ?? device.serial ?? '',
    planCode: planCodeOf(order),
    coveredValue: offer.device.price,
    currencyCode: offer.device.currency,
    salesChannel: 'Coverkit',
    issues: claim.issue ? [{ issueCode: claim.issue, ...(issueCategoryCode ? { issueCategoryCode } : {}) }] : [],
    consumerServiceRequestDetails: { lossDateTime: claim.incident.date, descriptionOfLoss: claim.incident.description },
  };
}

/** createClaimRequest: the common part, and the visit at the booked slot and the claim's address. */
export function createClaimRequestBody(
  common: ClaimRequestCommon,
  order: StoredOrder,
  claim: OurClaimRequest,
  serviceTypeCode: ServifySlot['serviceTypeCode'],
  serviceLocationCode: string,
): CreateClaimRequest {
  const address = claim.address ?? order.customer.address;
  const appointment = claim.appointment!;
  return {
    referenceID: common.externalReferenceID,
    ...common,
    consumerServiceRequest: {
      address: [address?.line1, address?.line2].filter(Boolean).join(', '),
      addressType: 'Home',
      ...(address?.line2 ? { landmark: address.line2 } : {}),
      state: address?.state ?? '',
      city: address?.city ?? '',
      scheduledDateTime: appointment.date,
      scheduledFromTime: appointment.from,
      scheduledToTime: appointment.to,
      zipcode: address?.postalCode ?? '',
      serviceLocationCode,
      serviceTypeCode,
    },
  };
}

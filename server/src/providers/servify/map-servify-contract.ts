/** Our order → Servify's createContract body, and Servify's contract → our policy. */
import type { BindInput, PolicyResult } from '../types.ts';
import type { ContractInfo, CreateContractRequest } from './servify-schemas.ts';

/** Calling codes of the markets we sell in; the longest matching prefix wins. */
const CALLING_CODES = ['91', '234', '971', '44', '1'];

/** "+919812345678" → PhoneCode "91", MobileNo "9812345678", as Servify keeps them apart. */
export function splitPhone(phone: string): { PhoneCode: string; MobileNo: string } {
  const digits = phone.replace(/^\+/, '');
  const code =
    [...CALLING_CODES].sort((left, right) => right.length - left.length).find((candidate) => digits.startsWith(candidate)) ??
    digits.slice(0, 2);
  return { PhoneCode: code, MobileNo: digits.slice(code.length) };
}

/**
 * The calendar day in India (Asia/Kolkata, UTC+05:30), as YYYY-MM-DD. Servify's dates
 * (DateOfPurchase, CancellationInitiationDate, OrderDate) are days of an Indian sale: an
 * order at 01:00 IST is that day, not the UTC day before. The doc gives no time zone.
 */
export function indianDay(date: Date): string {
  return INDIAN_DAY.format(date);
}

// en-CA formats a date as YYYY-MM-DD.
const INDIAN_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Kolkata', year: 'numeric', month: '2-digit', day: '2-digit' });

/**
 * cancelContract takes a `ReasonCode` ("Unique identifier to know the exact reason of
 * cancellation") and no free text; the doc lists no codes but its example `RC101`. A merchant
 * who knows Servify's codes may start the reason with one ("RC104: returned the phone");
 * anything else is sent as RC101, and the full reason is kept on our order.
 */
export function servifyReasonCode(reason: string): string {
  return /^\s*(RC\d{3})\b/i.exec(reason)?.[1]?.toUpperCase() ?? DEFAULT_REASON_CODE;
}

export const DEFAULT_REASON_CODE = 'RC101';

/** Servify's product sub-category codes (its "masters") for our categories. */
export function subCategoryCode(category: string): string {
  const known: Record<string, string> = {
    mobile: 'SMARTPHONE',
    phone: 'SMARTPHONE',
    smartphone: 'SMARTPHONE',
    tablet: 'TABLET',
    laptop: 'LAPTOP',
  };
  return known[category.trim().toLowerCase()] ?? category.trim().toUpperCase();
}

/** Every starred field of the doc's createContract, from a validated order. */
export function createContractRequest(
  { orderId, offer, device, customer }: BindInput,
  brandCode: string,
  today: Date,
): CreateContractRequest {
  const address = customer.address;
  const uniqueId = device.imei ?? device.serial ?? '';
  const day = indianDay(today);
  return {
    ExternalReferenceID: orderId,
    ProductUniqueID: uniqueId,
    ...(device.serial ? { SerialNumber: device.serial } : {}),
    DeviceDateOfPurchase: String(offer.context?.devicePurchaseDate ?? offer.device.purchaseDate ?? day),
    CustomerName: customer.name,
    ...splitPhone(customer.phone),
    CountryCode: offer.country,
    CurrencyCode: offer.price.currency,
    EmailID: customer.email,
    BrandCode: brandCode,
    PlanCode: offer.planCode,
    DateOfPurchase: day,
    ProductSubCategoryCode: subCategoryCode(offer.device.category),
    ProductPurchaseCost: offer.device.price,
    State: address?.state ?? '',
    Zipcode: address?.postalCode ?? '',
    OrderID: orderId,
    // One plan per order: the item is always the first.
    OrderItemID: '1',
    // The price bound is the price quoted, as the signed offer carries it.
    PlanPrice: offer.price.amount,
    // A single premium for the whole term: one payment per term of N months.
    Frequency: offer.termMonths,
    FrequencyUnit: 'MONTH',
    SalesChannel: 'Coverkit',
    CustomerAddress: {
      AddressLine1: address?.line1 ?? '',
      ...(address?.line2 ? { AddressLine2: address.line2 } : {}),
      Zipcode: address?.postalCode ?? '',
      City: address?.city ?? '',
      State: address?.state ?? '',
    },
  };
}

function startOfDay(isoDate: string | undefined): string | null {
  return isoDate && /^\d{4}-\d{2}-\d{2}$/.test(isoDate) ? new Date(`${isoDate}T00:00:00Z`).toISOString() : null;
}

export function toPolicy(
  soldPlanCode: string,
  orderDate: string,
  contract: ContractInfo | null,
  activationCode: string | null,
  extra: Record<string, string> = {},
): PolicyResult {
  return {
    reference: soldPlanCode,
    startsAt: startOfDay(contract?.Contract.CoverageStartDate),
    endsAt: startOfDay(contract?.Contract.ValidityTillDate),
    activationCode,
    certificate: false,
    providerReferences: { soldPlanCode, orderDate, ...extra },
  };
}

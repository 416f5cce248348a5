/**
 * Required fields of the ServiceRequest calls. The doc stars every fetchSlots field and no
 * other ServiceRequest field: for the claim calls, what a claim cannot do without (who, which
 * device and plan, what happened, and where and when for a scheduled visit) is our choice.
 */
import { findIssue } from './servify-issues.ts';
import { invalidFields, type FieldRule } from './servify-validation.ts';

export const issueListFields: Record<string, FieldRule> = { productSubCategoryCode: 'text', brandCode: 'text', countryCode: 'country' };

export const fetchSlotsFields: Record<string, FieldRule> = {
  ServiceType: 'text',
  CountryCode: 'country',
  Zipcode: 'text',
  ProductCode: 'text',
  ProductFamily: 'text',
  BrandCode: 'text',
  ProductSubCategoryCode: 'text',
  TimeZone: 'text',
  CurrentDateTime: 'text',
  ServiceLocationCode: 'text',
};

export const fetchRequestSlotsFields: Record<string, FieldRule> = { serviceTypeCode: 'text', countryCode: 'country', zipcode: 'text' };

const claimFields: Record<string, FieldRule> = {
  externalReferenceID: 'text',
  name: 'text',
  mobileNo: 'digits',
  countryCode: 'country',
  imeiOrSerial: 'text',
  planCode: 'text',
  consumerServiceRequestDetails: 'object',
};
const claimOptionalFields: Record<string, FieldRule> = { coveredValue: 'number', currencyCode: 'currency', emailID: 'email' };
const lossFields: Record<string, FieldRule> = { lossDateTime: 'date', descriptionOfLoss: 'text' };
const visitFields: Record<string, FieldRule> = {
  address: 'text',
  zipcode: 'text',
  scheduledDateTime: 'date',
  scheduledFromTime: 'text',
  scheduledToTime: 'text',
  serviceTypeCode: 'text',
};

const nested = (body: Record<string, unknown>, key: string, rules: Record<string, FieldRule>): string[] => {
  const value = body[key];
  if (typeof value !== 'object' || value === null) return [];
  return invalidFields(value as Record<string, unknown>, rules).map((field) => `${key}.${field}`);
};

/** Names of the missing or malformed fields of createClaimRequest (`visit` true) or raiseClaimRequest. */
export function invalidClaimFields(body: Record<string, unknown>, visit: boolean): string[] {
  const bad = [
    ...invalidFields(body, visit ? { ...claimFields, consumerServiceRequest: 'object' } : claimFields, claimOptionalFields),
    ...nested(body, 'consumerServiceRequestDetails', lossFields),
    ...(visit ? nested(body, 'consumerServiceRequest', visitFields) : []),
  ];
  const issues = body.issues;
  if (!Array.isArray(issues) || issues.length === 0) bad.push('issues');
  else
    issues.forEach((issue, index) => !findIssue((issue as { issueCode?: unknown })?.issueCode) && bad.push(`issues[${index}].issueCode`));
  return bad;
}

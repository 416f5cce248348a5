/** Required fields (`*` in the doc) and their formats, checked before anything else. */
export type FieldRule = 'text' | 'number' | 'date' | 'digits' | 'email' | 'currency' | 'country' | 'object';

const checks: Record<FieldRule, (value: unknown) => boolean> = {
  text: (value) => typeof value === 'string' && value.trim() !== '',
  number: (value) => typeof value === 'number' && Number.isFinite(value),
  date: (value) => typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value)),
  digits: (value) => typeof value === 'string' && /^\d{1,15}$/.test(value),
  email: (value) => typeof value === 'string' && /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(value),
  currency: (value) => typeof value === 'string' && /^[A-Z]{3}$/.test(value),
  country: (value) => typeof value === 'string' && /^[A-Z]{2}$/.test(value),
  object: (value) => typeof value === 'object' && value !== null && !Array.isArray(value),
};

/** Names (never values) of the required fields that are missing or malformed. */
export function invalidFields(
  body: Record<string, unknown>,
  required: Record<string, FieldRule>,
  optional: Record<string, FieldRule> = {},
): string[] {
  const bad = Object.entries(required).filter(([field, rule]) => !checks[rule](body[field]));
  const badOptional = Object.entries(optional).filter(([field, rule]) => body[field] !== undefined && !checks[rule](body[field]));
  return [...bad, ...badOptional].map(([field]) => field);
}

export const createContractFields: Record<string, FieldRule> = {
  ExternalReferenceID: 'text',
  ProductUniqueID: 'text',
  DeviceDateOfPurchase: 'date',
  CustomerName: 'text',
  PhoneCode: 'digits',
  CountryCode: 'country',
  CurrencyCode: 'currency',
  MobileNo: 'digits',
  EmailID: 'email',
  BrandCode: 'text',
  PlanCode: 'text',
  DateOfPurchase: 'date',
  ProductSubCategoryCode: 'text',
  State: 'text',
  Zipcode: 'text',
  PlanPrice: 'number',
  Frequency: 'number',
  FrequencyUnit: 'text',
};

export const createContractOptionalFields: Record<string, FieldRule> = {
  ProductPurchaseCost: 'number',
  CustomerAddress: 'object',
  AlternateMobileNo: 'digits',
};

export const checkEligibilityFields: Record<string, FieldRule> = {
  PlanCode: 'text',
  BrandCode: 'text',
  ProductUniqueID: 'text',
  ProductPurchaseCost: 'number',
  CountryCode: 'country',
  ProductSubCategoryCode: 'text',
};

export const checkEligibilityOptionalFields: Record<string, FieldRule> = { DeviceDateOfPurchase: 'date', LastRepairDate: 'date' };

export const cancelContractFields: Record<string, FieldRule> = { ReasonCode: 'text', CancellationInitiationDate: 'date' };

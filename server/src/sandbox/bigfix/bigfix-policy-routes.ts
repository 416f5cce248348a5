import { Hono, type Context } from 'hono';
import { bigfixError, type BigfixErrorBody } from './bigfix-error-body.ts';
import type { BigfixPolicy, BigfixPolicyStore } from './bigfix-policy-store.ts';
import { adldPremium, extendedWarrantyPremium, findCategory, findPlan } from './bigfix-pricing.ts';
import type { BigfixPlanType, BigfixRateTable } from './bigfix-rate-table.ts';
import {
  brandTypeOfBrand,
  hasAllPolicyFields,
  parseDurationYears,
  readRequestFields,
  serializePolicyFields,
  toTitleCase,
  type BigfixRequestFields,
} from './bigfix-validation.ts';

export interface BigfixPolicyRoutesOptions {
  rateTable: BigfixRateTable;
  accounts: readonly string[];
  store: BigfixPolicyStore;
  now: () => Date;
}

/** What the product-specific checks settle before anything is saved. */
interface ResolvedPlan {
  product: string;
  category: string;
  planNumber: string;
  premium: (devicePrice: number) => number;
}

interface PolicyVariant {
  type: BigfixPlanType;
  /** The doc words the two endpoints' serializer errors differently. */
  serializerMessage: string;
  resolvePlan: (fields: BigfixRequestFields, years: number) => ResolvedPlan | BigfixErrorBody;
  toResponseBody: (policy: BigfixPolicy) => Record<string, unknown>;
}

function validationError(message: string): BigfixErrorBody {
  return { error: 'Validation Error', message };
}

/** A 29 February start ends on 28 February, as Python's `relativedelta` would have it. */
function addYears(date: Date, years: number): Date {
  const result = new Date(date);
  result.setUTCFullYear(date.getUTCFullYear() + years);
  if (result.getUTCDate() !== date.getUTCDate()) result.setUTCDate(0);
  return result;
}

export function createBigfixPolicyRoutes({ rateTable, accounts, store, now }: BigfixPolicyRoutesOptions) {
  const adldVariant: PolicyVariant = {
    type: 'ADLD',
    serializerMessage: 'Policy or cart data failed validation',
    resolvePlan(fields, years) {
      const product = toTitleCase(String(fields.product));
      const category = findCategory(rateTable, product);
      if (category === undefined) return validationError('Product is not eligible for ADLD insurance');
      const { maximumYears, yearlyRateByBrandType } = category.rates.adld;
      if (years > maximumYears) return validationError('Duration exceeds maximum allowed for product category');
      const yearlyRate = yearlyRateByBrandType[brandTypeOfBrand(String(fields.brand))];
      if (yearlyRate === undefined) return validationError('Rate not defined for the given brand and category');
      const plan = findPlan(rateTable, category.name, 'ADLD', years);
      if (plan === undefined) return validationError('ADLD plan not available for the given product and duration');
      return {
        product,
        category: category.name,
        planNumber: plan.planNumber,
        premium: (devicePrice) => adldPremium(devicePrice, yearlyRate, years),
      };
    },
    toResponseBody: (policy) => ({
      policyid: policy.policyId,
      'device purchase date': policy.devicePurchaseDate.toISOString(),
      'brand warranty start': policy.brandWarrantyStart.toISOString(),
      'brand warranty end': policy.brandWarrantyEnd.toISOString(),
      'plan purchase date': policy.planPurchaseDate.toISOString(),
      'policy status': policy.status,
      'protection plan price': policy.premium,
      orderid: policy.orderId,
    }),
  };

  const extendedWarrantyVariant: PolicyVariant = {
    type: 'EW',
    serializerMessage: 'Policy or cart data failed serializer validation',
    resolvePlan(fields, years) {
      const product = toTitleCase(String(fields.product));
      const category = findCategory(rateTable, product);
      if (category === undefined) return validationError('Product is not covered under Extended Warranty plans');
      const { maximumYears, rateByDurationIndex } = category.rates.extendedWarranty;
      if (years > maximumYears) {
        return validationError('Duration exceeds the maximum allowed years for the product category');
      }
      const durationRate = rateByDurationIndex[years - 1];
      const plan = findPlan(rateTable, category.name, 'EW', years);
      // Without a rate the plan cannot be priced, so to the partner it is just as unavailable.
      if (plan === undefined || durationRate === undefined) {
        return validationError('Extended Warranty plan not available for the given product and duration');
      }
      return {
        product,
        category: category.name,
        planNumber: plan.planNumber,
        premium: (devicePrice) => extendedWarrantyPremium(devicePrice, durationRate),
      };
    },
    // The EW doc lists no brand warranty dates in its response, though it stores them.
    toResponseBody: (policy) => ({
      policyid: policy.policyId,
      'device purchase date': policy.devicePurchaseDate.toISOString(),
      'plan purchase date': policy.planPurchaseDate.toISOString(),
      'policy status': policy.status,
      'protection plan price': policy.premium,
      orderid: policy.orderId,
    }),
  };

  /** Checks run in the order of the doc's error tables, so the first failing rule is the one reported. */
  async function createPolicy(context: Context, variant: PolicyVariant): Promise<Response> {
    const fields = await readRequestFields(context);
    if (!hasAllPolicyFields(fields)) {
      return bigfixError(context, 400, {
        error: 'Bad Request',
        message: 'One or more required fields are missing or empty',
      });
    }
    const years = parseDurationYears(fields.duration);
    if (years === undefined) return bigfixError(context, 400, validationError('Invalid duration format'));
    const plan = variant.resolvePlan(fields, years);
    if ('error' in plan) return bigfixError(context, 400, plan);
    const policySource = String(fields.policysource);
    if (!accounts.includes(policySource)) {
      return bigfixError(context, 400, validationError('Policy source account does not exist'));
    }
    const serialized = serializePolicyFields(fields);
    if (!serialized.success) {
      return bigfixError(context, 400, {
        error: 'Serializer Error',
        message: variant.serializerMessage,
        errors: serialized.errors,
      });
    }

    // The provider has no separate purchase date input: creation time is the device purchase date.
    const createdAt = now();
    const policy = store.create({
      type: variant.type,
      planNumber: plan.planNumber,
      product: plan.product,
      category: plan.category,
      years,
      devicePrice: serialized.data.deviceprice,
      premium: plan.premium(serialized.data.deviceprice),
      policySource,
      request: fields,
      devicePurchaseDate: createdAt,
      brandWarrantyStart: createdAt,
      brandWarrantyEnd: addYears(createdAt, serialized.data.brand_warranty_duration),
      planPurchaseDate: createdAt,
      status: 'Created',
    });
    return context.json(variant.toResponseBody(policy), 201);
  }

  return new Hono()
    .on('POST', ['/adld-policy/', '/adld-policy'], (context) => createPolicy(context, adldVariant))
    .on('POST', ['/create-policy/', '/create-policy'], (context) => createPolicy(context, extendedWarrantyVariant));
}

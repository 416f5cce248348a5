import { Hono } from 'hono';
import { bigfixError } from './bigfix-error-body.ts';
import { adldQuotePlans, extendedWarrantyQuotePlans, findCategory } from './bigfix-pricing.ts';
import type { BigfixRateTable } from './bigfix-rate-table.ts';
import { isBlank, isBrandType, parseDecimal, readRequestFields, toTitleCase } from './bigfix-validation.ts';

/** Both quote endpoints; paths are registered with and without the doc's trailing slash. */
export function createBigfixQuoteRoutes(rateTable: BigfixRateTable) {
  return new Hono()
    .on('GET', ['/get-protection-plans/', '/get-protection-plans'], (context) => {
      const { product: rawProduct, brand_type: brandType, deviceprice: rawDevicePrice } = context.req.query();
      if (isBlank(rawProduct) || isBlank(brandType) || isBlank(rawDevicePrice)) {
        return bigfixError(context, 400, { error: 'Bad Request', message: 'Missing mandatory query parameters' });
      }
      const devicePrice = parseDecimal(rawDevicePrice);
      if (devicePrice === undefined || devicePrice <= 0) {
        return bigfixError(context, 400, {
          error: 'Validation Error',
          message: 'Invalid device price (non-numeric or zero/negative)',
        });
      }
      const product = toTitleCase(rawProduct ?? '');
      const category = findCategory(rateTable, product);
      if (category === undefined) {
        return bigfixError(context, 400, {
          error: 'Validation Error',
          message: 'Product is not covered under ADLD plans',
        });
      }
      // A brand type other than Apple/Non-Apple and a category with no rate for it are the same miss.
      const yearlyRate =
        brandType !== undefined && isBrandType(brandType) ? category.rates.adld.yearlyRateByBrandType[brandType] : undefined;
      if (yearlyRate === undefined) {
        return bigfixError(context, 400, {
          error: 'Validation Error',
          message: 'Invalid brand type for the given product',
        });
      }
      return context.json({
        Product: product,
        'Device Price': devicePrice,
        'Protection Plan Type': 'ADLD',
        'Protection Plans': adldQuotePlans(rateTable, category, yearlyRate, devicePrice),
      });
    })
    .on(['GET', 'POST'], ['/adld/protection-plans/', '/adld/protection-plans'], async (context) => {
      // Despite the path, this is the Extended Warranty quote; the doc allows query (GET) or body (POST).
      const fields = context.req.method === 'POST' ? await readRequestFields(context) : context.req.query();
      // The doc: "invalid or non-numeric values default to 0 and will be rejected".
      const devicePrice = parseDecimal(fields.deviceprice) ?? 0;
      if (isBlank(fields.product) || devicePrice <= 0) {
        return bigfixError(context, 400, {
          error: 'Bad Request',
          message: 'Product name or device price is missing or device price is zero/negative',
        });
      }
      const product = toTitleCase(String(fields.product));
      const category = findCategory(rateTable, product);
      if (category === undefined) {
        return bigfixError(context, 400, {
          error: 'Validation Error',
          message: 'Product is not covered under any protection plan',
          supported_products: Object.keys(rateTable.productCategories),
        });
      }
      if (category.rates.extendedWarranty.rateByDurationIndex.length === 0) {
        return bigfixError(context, 500, {
          error: 'Server Error',
          message: "Rates not configured for the product's category",
        });
      }
      return context.json({
        Product: product,
        'Device Price': devicePrice,
        'Protection Plans': extendedWarrantyQuotePlans(rateTable, category, devicePrice),
      });
    });
}

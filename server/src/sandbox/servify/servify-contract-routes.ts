/** The Contract/* and ServiceRequest/* calls we use, answering with the doc's envelopes. */
import { Hono, type Context } from 'hono';
import type { ContractBook } from './servify-contracts.ts';
import { failure, success, type ServifySandboxEnvelope } from './servify-envelope.ts';
import { servifyBrands, servifyProducts } from './servify-masters.ts';
import { decideEligibility, eligibilityDescriptions, servifyOtherTriggers } from './servify-rules.ts';
import type { ServifySandboxEnv } from './servify-security.ts';
import { cancelContractFields, checkEligibilityFields, checkEligibilityOptionalFields, invalidFields } from './servify-validation.ts';

export interface ContractRoutesOptions {
  book: ContractBook;
  now: () => Date;
  respond: (context: Context, envelope: ServifySandboxEnvelope) => Promise<Response>;
  /** Queues an async createContract; the sandbox answers the callback later. */
  enqueue: (requestCode: string, body: Record<string, unknown>) => void;
}

export function createServifyContractRoutes({ book, now, respond, enqueue }: ContractRoutesOptions) {
  return new Hono<ServifySandboxEnv>()
    .post('/Contract/checkEligibility', (context) => {
      const body = context.get('servifyBody');
      const bad = invalidFields(body, checkEligibilityFields, checkEligibilityOptionalFields);
      if (bad.length) return respond(context, failure('DATA.BAD_REQUEST.400', `Invalid or missing parameters: ${bad.join(', ')}`));
      if (body.ProductUniqueID === servifyOtherTriggers.serverError) return respond(context, failure('SM.WTR.500'));
      if (body.ProductUniqueID === servifyOtherTriggers.rateLimited) return respond(context, failure('API.LIMIT.429'));
      const input = {
        PlanCode: String(body.PlanCode),
        ProductUniqueID: String(body.ProductUniqueID),
        ProductPurchaseCost: Number(body.ProductPurchaseCost),
        CountryCode: String(body.CountryCode),
        ProductSubCategoryCode: String(body.ProductSubCategoryCode),
        DeviceDateOfPurchase: typeof body.DeviceDateOfPurchase === 'string' ? body.DeviceDateOfPurchase : undefined,
      };
      const decision = decideEligibility(input, now(), book.isRegistered(input.ProductUniqueID, input.PlanCode));
      const eligible = 'price' in decision;
      return respond(
        context,
        success(eligibilityDescriptions[decision.code] ?? 'Success', {
          IsEligible: eligible,
          EligibilityStatusCode: decision.code,
          PlanCode: input.PlanCode,
          ...(eligible
            ? {
                PlanPrice: decision.price,
                CurrencyCode: 'INR',
                PlanName: decision.plan.planName,
                DeviceDateOfPurchase: input.DeviceDateOfPurchase ?? now().toISOString().slice(0, 10),
              }
            : {}),
        }),
      );
    })
    .post('/Contract/createContract', (context) => respond(context, book.create(context.get('servifyBody'))))
    .post('/Async/Contract/createContract', (context) => {
      const requestCode = context.req.header('request-code');
      if (!requestCode) return respond(context, failure('DATA.BAD_REQUEST.400', 'request-code header is required'));
      const body = context.get('servifyBody');
      const invalid = book.validate(body);
      if (invalid) return respond(context, invalid);
      enqueue(requestCode, body);
      return respond(context, success('Data successfully sent to the queue', { requestCode }));
    })
    .post('/Contract/getContractInfo', (context) => {
      const body = context.get('servifyBody');
      if (body.ExternalReferenceID === undefined && body.SoldPlanCode === undefined)
        return respond(context, failure('DATA.BAD_REQUEST.400', 'ExternalReferenceID or SoldPlanCode is required'));
      const contract = book.find(body.ExternalReferenceID, body.SoldPlanCode);
      if (!contract) return respond(context, failure('DATA.BAD_REQUEST.400', 'No contract found'));
      return respond(
        context,
        success('fetched contract details', {
          Contract: {
            ContractID: contract.externalReferenceId,
            ContractName: `${contract.planName} contract`,
            ContractCode: contract.planCode,
            ContractType: 'Protect',
            CoverageStartDate: contract.coverageStartDate,
            Status: contract.status === 'Active' ? -8 : -9,
            StatusText: contract.status,
            NoOfRepairsUsed: 0,
            NoOfRepairsAllowed: 1,
            SoldPlanCode: contract.soldPlanCode,
            ValidityTillDate: contract.validityTillDate,
          },
          Customer: { Name: contract.customerName, Active: '1' },
          Device: { IsActive: contract.status === 'Active', BrandName: contract.brandName, InRepair: false },
        }),
      );
    })
    .post('/Contract/cancelContract', (context) => {
      const body = context.get('servifyBody');
      const bad = invalidFields(body, cancelContractFields);
      if (bad.length) return respond(context, failure('DATA.BAD_REQUEST.400', `Invalid or missing parameters: ${bad.join(', ')}`));
      const contract = book.find(body.ExternalReferenceID, body.SoldPlanCode);
      if (!contract) return respond(context, failure('DATA.BAD_REQUEST.400', 'No contract found'));
      const cancellable = contract.cancellable && contract.status === 'Active';
      if (cancellable) contract.status = 'Cancelled';
      book.save();
      const today = now().toISOString().slice(0, 10);
      return respond(
        context,
        success(cancellable ? 'Successfully cancelled order' : 'Contract cannot be cancelled', {
          StatusCode: cancellable ? 'ELIGIBLE' : 'NOT_ELIGIBLE',
          CoverageEndDate: cancellable ? today : contract.validityTillDate,
          PlanCancellationDate: cancellable ? today : null,
          CancellationInitiationDate: body.CancellationInitiationDate,
          isCancellable: cancellable,
        }),
      );
    })
    .post('/Contract/getContractDetailsbyIMEI', (context) => {
      const imeis = context.get('servifyBody').IMEIs;
      if (!Array.isArray(imeis) || !imeis.every((imei) => typeof imei === 'string'))
        return respond(context, failure('DATA.BAD_REQUEST.400', 'IMEIs must be an array of strings'));
      // The doc's example lists only IMEIs it knows, with `warrantyTill` (its table says `WarrantyTill`).
      return respond(context, success('Fetched Warranty Details', book.coveredUntil(imeis)));
    })
    .post('/Contract/getOrderActivationDetails', (context) => {
      const body = context.get('servifyBody');
      const contract = book.byOrder(body.OrderID);
      if (!contract) return respond(context, failure('DATA.BAD_REQUEST.400', 'No order found'));
      return respond(
        context,
        success('The order details are successfully fetched', {
          OrderID: contract.orderId,
          OrderItems: [{ OrderItemID: contract.orderItemId, OrderItemData: [{ ActivationCode: contract.activationCode }] }],
        }),
      );
    })
    .post('/ServiceRequest/getBrandList', (context) => respond(context, success('Success', servifyBrands)))
    .post('/ServiceRequest/getProductList', (context) => {
      const brandCode = String(context.get('servifyBody').brandCode ?? '').toUpperCase();
      return respond(context, success('Success', servifyProducts[brandCode] ?? []));
    });
}

/** Contracts the sandbox has sold, kept (across restarts, in `state`) so info, activation and cancel work. */
import { SandboxState } from '../sandbox-state.ts';
import { decideEligibility, eligibilityDescriptions, servifyOtherTriggers } from './servify-rules.ts';
import { failure, success, type ServifySandboxEnvelope } from './servify-envelope.ts';
import { createContractFields, createContractOptionalFields, invalidFields } from './servify-validation.ts';

export interface SandboxContract {
  soldPlanCode: string;
  externalReferenceId: string;
  productUniqueId: string;
  planCode: string;
  planName: string;
  orderId: string;
  orderItemId: string;
  activationCode: string;
  status: 'Active' | 'Cancelled';
  coverageStartDate: string;
  validityTillDate: string;
  customerName: string;
  brandName: string;
  cancellable: boolean;
}

const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
function code(length: number): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(length)), (byte) => CODE_ALPHABET[byte % CODE_ALPHABET.length]).join('');
}

function day(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function createContractBook(now: () => Date, state: SandboxState = new SandboxState()) {
  const contracts = new Map<string, SandboxContract>(state.load<[string, SandboxContract][]>() ?? []);
  state.onReset(() => contracts.clear());

  const isRegistered = (productUniqueId: string, planCode: string) =>
    [...contracts.values()].some(
      (contract) => contract.productUniqueId === productUniqueId && contract.planCode === planCode && contract.status === 'Active',
    );

  return {
    isRegistered,

    /** Writes the contracts to the data folder; call after every change. */
    save(): void {
      state.save([...contracts]);
    },

    /** The latest end of cover of each IMEI's live contracts (getContractDetailsbyIMEI). */
    coveredUntil(imeis: readonly string[]): { imei: string; warrantyTill: string }[] {
      return imeis.flatMap((imei) => {
        const ends = [...contracts.values()]
          .filter((contract) => contract.productUniqueId === imei && contract.status === 'Active')
          .map((contract) => contract.validityTillDate)
          .sort();
        return ends.length ? [{ imei, warrantyTill: ends.at(-1)! }] : [];
      });
    },

    find(externalReferenceId: unknown, soldPlanCode: unknown): SandboxContract | undefined {
      return [...contracts.values()].find(
        (contract) =>
          (soldPlanCode === undefined || contract.soldPlanCode === soldPlanCode) &&
          (externalReferenceId === undefined || contract.externalReferenceId === externalReferenceId),
      );
    },

    /** The contract a claim names by device and plan (the plan code sold, or the sold plan code). */
    forDevice(imeiOrSerial: unknown, planCode: unknown): SandboxContract | undefined {
      const matching = [...contracts.values()].filter(
        (contract) => contract.productUniqueId === imeiOrSerial && (contract.planCode === planCode || contract.soldPlanCode === planCode),
      );
      return matching.find((contract) => contract.status === 'Active') ?? matching[0];
    },

    byOrder(orderId: unknown): SandboxContract | undefined {
      return [...contracts.values()].find((contract) => contract.orderId === orderId);
    },

    /** Checks fields first (before queueing too), as Servify's "basic validations". */
    validate(body: Record<string, unknown>): ServifySandboxEnvelope | null {
      const bad = invalidFields(body, createContractFields, createContractOptionalFields);
      return bad.length ? failure('DATA.BAD_REQUEST.400', `Invalid or missing parameters: ${bad.join(', ')}`) : null;
    },

    create(body: Record<string, unknown>): ServifySandboxEnvelope {
      const invalid = this.validate(body);
      if (invalid) return invalid;
      if (this.find(body.ExternalReferenceID, undefined))
        return failure('DATA.BAD_REQUEST.400', 'A contract with this ExternalReferenceID already exists');
      const decision = decideEligibility(
        {
          PlanCode: String(body.PlanCode),
          ProductUniqueID: String(body.ProductUniqueID),
          ProductPurchaseCost: Number(body.ProductPurchaseCost ?? 0),
          CountryCode: String(body.CountryCode),
          ProductSubCategoryCode: String(body.ProductSubCategoryCode),
          DeviceDateOfPurchase: String(body.DeviceDateOfPurchase),
        },
        now(),
        isRegistered(String(body.ProductUniqueID), String(body.PlanCode)),
      );
      const refused = (statusCode: string) =>
        failure('DATA.BAD_REQUEST.400', eligibilityDescriptions[statusCode], { EligibilityStatusCode: statusCode });
      if (!('price' in decision)) return refused(decision.code);
      // The price sold must be the price Servify quotes for this device.
      if (body.PlanPrice !== decision.price) return refused('UNSUPPORTED_PLAN_PRICE');
      const start = now();
      const end = new Date(start);
      end.setUTCFullYear(end.getUTCFullYear() + 1);
      const contract: SandboxContract = {
        soldPlanCode: code(8),
        externalReferenceId: String(body.ExternalReferenceID),
        productUniqueId: String(body.ProductUniqueID),
        planCode: decision.plan.planCode,
        planName: decision.plan.planName,
        orderId: String(body.OrderID ?? body.ExternalReferenceID),
        orderItemId: String(body.OrderItemID ?? '1'),
        activationCode: code(8),
        status: 'Active',
        coverageStartDate: day(start),
        validityTillDate: day(end),
        customerName: String(body.CustomerName),
        brandName: String(body.BrandCode),
        cancellable: body.ProductUniqueID !== servifyOtherTriggers.notCancellable,
      };
      contracts.set(contract.soldPlanCode, contract);
      this.save();
      return success('Success', { SoldPlanCode: contract.soldPlanCode });
    },
  };
}
export type ContractBook = ReturnType<typeof createContractBook>;

/** Servify: ADLD and extended warranty for Indian devices in INR, over signed, encrypted calls. */
import type { ServifyConfig } from './servify-config.ts';
import { ProviderError } from '../../errors.ts';
import type {
  AdapterDependencies,
  BindInput,
  BindResult,
  CancelInput,
  CancelResult,
  PlanQuote,
  ProviderAdapter,
  QuoteInput,
  QuoteOutcome,
  StatusInput,
} from '../types.ts';
import { requestCodeFor } from './servify-callback.ts';
import { createServifyCatalog } from './servify-catalog.ts';
import { ServifyClient, type ServifyClientOptions } from './servify-client.ts';
import {
  ALREADY_REGISTERED,
  alreadyCoveredMessage,
  ELIGIBLE,
  eligibilityMessage,
  planTypeOf,
  toPlanQuote,
  unavailableCode,
} from './map-servify-eligibility.ts';
import { createContractRequest, indianDay, servifyReasonCode, subCategoryCode, toPolicy } from './map-servify-contract.ts';
import {
  activationDetailsSchema,
  cancellationSchema,
  contractInfoSchema,
  coveredUntilSchema,
  createdContractSchema,
  eligibilitySchema,
  queuedSchema,
  type ContractInfo,
  type EligibilityRequest,
} from './servify-schemas.ts';

/**
 * Reads (eligibility, contract info, activation details, masters, tokens) are retried on
 * outages; createContract and cancelContract are not: a repeated createContract is refused
 * as a duplicate of our ExternalReferenceID, and the reconciler finds the first with status().
 */
export function createServifyAdapter(
  config: ServifyConfig,
  options: Partial<AdapterDependencies> & ServifyClientOptions = {},
): ProviderAdapter {
  const client = new ServifyClient(config, options);
  const catalog = createServifyCatalog(client);
  const today = () => (options.now ?? (() => new Date()))();

  async function eligibility(planCode: string, request: Omit<EligibilityRequest, 'PlanCode'>, signal: AbortSignal) {
    return eligibilitySchema.parse(
      await client.call('/Contract/checkEligibility', { PlanCode: planCode, ...request }, signal, { retry: true }),
    );
  }

  /** Coverage dates and activation code are extras: a failure to fetch them does not undo a sale. */
  async function describePolicy(
    orderId: string,
    soldPlanCode: string,
    orderDate: string,
    signal: AbortSignal,
    extra: Record<string, string> = {},
  ) {
    const [contract, activation] = await Promise.allSettled([
      contractInfo(orderId, soldPlanCode, signal),
      client.call(
        '/Contract/getOrderActivationDetails',
        { OrderID: orderId, OrderDate: orderDate, OrderItems: [{ OrderItemID: '1' }] },
        signal,
        { retry: true },
      ),
    ]);
    const activationCode =
      activation.status === 'fulfilled'
        ? (activationDetailsSchema.safeParse(activation.value).data?.OrderItems[0]?.OrderItemData[0]?.ActivationCode ?? null)
        : null;
    return toPolicy(soldPlanCode, orderDate, contract.status === 'fulfilled' ? contract.value : null, activationCode, extra);
  }

  /** Until when Servify covers this IMEI (getContractDetailsbyIMEI); null where it does not say or cannot be asked. */
  async function coveredUntil(imei: string | undefined, signal: AbortSignal): Promise<string | null> {
    if (!imei) return null;
    try {
      const answer = coveredUntilSchema.parse(
        await client.call('/Contract/getContractDetailsbyIMEI', { IMEIs: [imei] }, signal, { retry: true }),
      );
      return answer.find((entry) => entry.imei === imei)?.until ?? null;
    } catch {
      // Only the date is missing from the sentence: the eligibility answer already said "covered".
      return null;
    }
  }

  async function contractInfo(orderId: string, soldPlanCode: string | undefined, signal: AbortSignal): Promise<ContractInfo> {
    const body = soldPlanCode ? { ExternalReferenceID: orderId, SoldPlanCode: soldPlanCode } : { ExternalReferenceID: orderId };
    return contractInfoSchema.parse(await client.call('/Contract/getContractInfo', body, signal, { retry: true }));
  }

  return {
    id: 'servify',
    displayName: 'Servify',
    mode: config.mode,
    // Servify refuses a second contract with the same ExternalReferenceID (our order id), and
    // getContractInfo finds the first: a repeated bind cannot create a second plan.
    bindRetrySafe: true,

    async quote({ device, country, signal }: QuoteInput): Promise<QuoteOutcome> {
      if (country !== 'IN' || device.currency !== 'INR') {
        return { kind: 'unavailable', code: 'unsupported_market', message: 'Servify covers devices bought in India, priced in rupees.' };
      }
      const uniqueId = device.imei ?? device.serial;
      if (!uniqueId) {
        return {
          kind: 'unavailable',
          code: 'needs_imei',
          message: "Enter the device's IMEI (dial *#06#) or serial number to see Servify's plans.",
        };
      }
      const purchaseDate = device.purchaseDate ?? indianDay(today());
      const request = {
        BrandCode: await catalog.brandCode(device.brand),
        ProductUniqueID: uniqueId,
        ProductPurchaseCost: device.price,
        CountryCode: country,
        ProductSubCategoryCode: subCategoryCode(device.category),
        DeviceDateOfPurchase: purchaseDate,
        ...(device.serial ? { SerialNo: device.serial } : {}),
      };
      const answers = await Promise.all(
        config.planCodes.map(async (planCode) => ({ planCode, answer: await eligibility(planCode, request, signal) })),
      );
      const identifier = device.imei ? 'device.imei' : 'device.serial';
      const plans = answers
        .map(({ planCode, answer }) => toPlanQuote(planCode, answer, identifier, purchaseDate))
        .filter((plan): plan is PlanQuote => plan !== null);
      // A device Servify already covers is said so to the shopper, never silently dropped.
      const covered = answers.filter(({ answer }) => answer.EligibilityStatusCode === ALREADY_REGISTERED);
      if (covered.length > 0) {
        const until = await coveredUntil(device.imei, signal);
        if (plans.length === 0) return { kind: 'unavailable', code: 'already_covered', message: alreadyCoveredMessage(until) };
        const unavailable = covered.map(({ planCode }) => ({
          code: 'already_covered',
          message: alreadyCoveredMessage(until, planTypeOf(planCode)),
        }));
        return { kind: 'plans', plans, unavailable };
      }
      if (plans.length > 0) return { kind: 'plans', plans };
      const refusal =
        answers.find(({ answer }) => answer.EligibilityStatusCode !== ELIGIBLE)?.answer.EligibilityStatusCode ?? 'UNSUPPORTED_PLAN_PRICE';
      return { kind: 'unavailable', code: unavailableCode(refusal), message: eligibilityMessage(refusal) };
    },

    async bind(input: BindInput): Promise<BindResult> {
      const { orderId, offer, signal } = input;
      // The brand sold is the brand quoted: the signed offer priced that device.
      const brandCode = await catalog.brandCode(offer.device.brand);
      const request = createContractRequest(input, brandCode, today());
      if (config.asyncBind) {
        // Servify queues the contract and calls POST /v1/callbacks/servify with this code.
        const requestCode = await requestCodeFor(config.callbackSecret, orderId);
        const queued = queuedSchema.parse(await client.call('/Async/Contract/createContract', request, signal, { requestCode }));
        return {
          status: 'pending',
          policy: {
            reference: queued.requestCode,
            startsAt: null,
            endsAt: null,
            activationCode: null,
            certificate: false,
            providerReferences: { requestCode: queued.requestCode, orderDate: request.DateOfPurchase },
          },
        };
      }
      const { SoldPlanCode } = createdContractSchema.parse(await client.call('/Contract/createContract', request, signal));
      return { status: 'active', policy: await describePolicy(orderId, SoldPlanCode, request.DateOfPurchase, signal) };
    },

    async status({ orderId, policy, signal }: StatusInput): Promise<BindResult | null> {
      const references = policy?.providerReferences ?? {};
      let contract: ContractInfo;
      try {
        contract = await contractInfo(orderId, references.soldPlanCode, signal);
      } catch (error) {
        // A queued contract Servify has not created yet is simply still pending.
        if (error instanceof ProviderError && error.status === 400) return null;
        throw error;
      }
      if (!/^activ/i.test(contract.Contract.StatusText)) return null;
      const orderDate = references.orderDate ?? indianDay(today());
      const extra: Record<string, string> = references.requestCode ? { requestCode: references.requestCode } : {};
      return { status: 'active', policy: await describePolicy(orderId, contract.Contract.SoldPlanCode, orderDate, signal, extra) };
    },

    async cancel({ orderId, policy, reason, signal }: CancelInput): Promise<CancelResult> {
      const soldPlanCode = policy?.providerReferences?.soldPlanCode ?? policy?.reference;
      const answer = cancellationSchema.parse(
        await client.call(
          '/Contract/cancelContract',
          {
            SoldPlanCode: soldPlanCode,
            ExternalReferenceID: orderId,
            ReasonCode: servifyReasonCode(reason),
            CancellationInitiationDate: indianDay(today()),
          },
          signal,
        ),
      );
      if (!answer.isCancellable) return { cancelled: false, message: 'Servify no longer allows this plan to be cancelled.' };
      return { cancelled: true, refund: null };
    },

    catalog: () => catalog.load(),
  };
}

/**
 * Octamile device warranty: Nigerian phones, premiums in Naira. Bound only after payment
 * (the confirm route): a consumer profile (reused per shopper), then `insure` under a
 * transaction reference stored before the call so a retry reuses it. With self-activation
 * the shopper's verification video comes through us (`activate`), then Octamile reviews.
 */
import { ProviderError } from '../../errors.ts';
import { CertificateNotReadyError, sniffCertificateType } from '../kit/certificate.ts';
import { addMonths, UNAVAILABLE_MESSAGE } from '../kit/http.ts';
import { ProviderResilience } from '../kit/resilience.ts';
import type {
  AdapterDependencies,
  ActivationInput,
  BindInput,
  BindResult,
  CertificateFile,
  PlanQuote,
  PolicyResult,
  ProviderAdapter,
  QuoteInput,
  QuoteOutcome,
  StatusInput,
} from '../types.ts';
import { OctamileClient, type RetryPolicy } from './octamile-client.ts';
import type { OctamileConfig } from './octamile-config.ts';
import {
  octamileConsumerSchema,
  octamileInsureSchema,
  octamilePremiumSchema,
  octamileStatusSchema,
  OUTCOME,
  type OctamileStatus,
} from './octamile-schemas.ts';
import { jsonAroundVideo, streamJsonWithBase64 } from './octamile-video-body.ts';
import {
  consumerKey,
  coverPath,
  newCoverId,
  OCTAMILE_COVERS,
  OCTAMILE_REQUIRES,
  parseTimestamp,
  periodLabel,
  periodMonths,
  splitName,
  STATUS_OF,
} from './map-octamile.ts';

/** The store keeps consumer ids and transaction references; the rest is optional. */
export interface OctamileAdapterDependencies extends Pick<AdapterDependencies, 'store'> {
  resilience?: ProviderResilience;
  /** How outcome 35 ("busy") is retried. */
  retry?: RetryPolicy;
}

export function createOctamileAdapter(
  config: OctamileConfig,
  { store, resilience = new ProviderResilience('octamile'), retry }: OctamileAdapterDependencies,
): ProviderAdapter {
  const client = new OctamileClient(config, retry, resilience);

  function references(policy: PolicyResult | null): { consumerId: string; product: string; coverId: string } {
    const consumerId = policy?.providerReferences?.consumerId;
    const product = policy?.providerReferences?.product;
    if (!policy || !consumerId || !product)
      throw new ProviderError({
        provider: 'octamile',
        failure: 'provider_error',
        providerCode: 'order has no Octamile cover',
        shopperMessage: UNAVAILABLE_MESSAGE,
      });
    return { consumerId, product, coverId: policy.reference };
  }

  async function fetchStatus(policy: PolicyResult | null, signal: AbortSignal): Promise<OctamileStatus> {
    const { consumerId, product, coverId } = references(policy);
    const answer = await client.send({ json: client.request(`dump ${coverPath(consumerId, product, coverId)}*STATUS`) }, signal, {
      retry: true,
    });
    return octamileStatusSchema.parse(answer);
  }

  /** The shopper's consumer id at this merchant, and whether it was stored earlier (Octamile may have forgotten it since). */
  async function consumerFor(
    merchantId: string,
    customer: BindInput['customer'],
    signal: AbortSignal,
  ): Promise<{ id: string; stored: boolean }> {
    const key = consumerKey(merchantId, customer.email, customer.phone);
    const known = await store.getProviderValue('octamile', key);
    if (known) return { id: known, stored: true };
    const name = splitName(customer.name);
    const seed = { type: 's', class: 'h', name, phoneNo: customer.phone, eMail: customer.email };
    // Not retried on an outage: a profile created before the connection dropped would be a
    // second one for this shopper. The reconciler's next bind looks again.
    const created = octamileConsumerSchema.parse(await client.send({ json: client.request('prfl entity', seed) }, signal));
    // Two binds for one shopper at once: the first stored id wins, the other profile goes unused.
    return { id: await store.claimProviderValue('octamile', key, created.id), stored: false };
  }

  return {
    id: 'octamile',
    displayName: 'Octamile',
    mode: config.mode,
    // `insure` with the stored transaction reference is the same purchase again: safe to repeat.
    bindRetrySafe: true,

    async quote({ device, country, signal }: QuoteInput): Promise<QuoteOutcome> {
      if (country !== 'NG' || device.currency !== 'NGN') {
        return { kind: 'unavailable', code: 'unsupported_market', message: 'Octamile covers devices bought in Nigeria, priced in naira.' };
      }
      const wanted = config.products.flatMap((product) => product.periods.map((period) => ({ product: product.code, period })));
      const plans = await Promise.all(
        wanted.map(async ({ product, period }): Promise<PlanQuote> => {
          const answer = await client.send({ json: client.request(`dump ipck_${product}*PRMM`, { insrncDrtn: period }) }, signal, {
            retry: true,
          });
          return {
            type: 'COMPREHENSIVE',
            planCode: `${product}:${period}`,
            name: `Device Warranty — Comprehensive cover, ${periodLabel(period)}`,
            termMonths: periodMonths(period),
            price: { amount: octamilePremiumSchema.parse(answer).prmm, currency: 'NGN' },
            requires: OCTAMILE_REQUIRES,
            covers: OCTAMILE_COVERS,
            context: { product, period },
          };
        }),
      );
      return { kind: 'plans', plans };
    },

    async bind({ orderId, merchantId, offer, device, customer, signal }: BindInput): Promise<BindResult> {
      if (!device.imei)
        throw new ProviderError({
          provider: 'octamile',
          failure: 'refused',
          providerCode: 'missing_imei',
          shopperMessage: 'Enter the IMEI of the device to buy this plan.',
        });
      const product = String(offer.context?.product ?? '');
      const period = String(offer.context?.period ?? '');
      const [category, type, packageCode] = product.split('-');
      const consumer = await consumerFor(merchantId, customer, signal);
      let consumerId = consumer.id;
      const coverId = await store.claimProviderValue('octamile', `cover:${orderId}`, newCoverId());
      const seed = {
        ctgry: category,
        type,
        pckg: packageCode,
        id: coverId,
        // The doc's insure example has no period; we send the one quoted so the cover matches the premium.
        insrncDrtn: period,
        addtnlFact: { brand: device.brand ?? offer.device.brand, model: device.model ?? offer.device.model, uIdnt: device.imei },
        dontSendActivationCode: config.selfActivation,
      };
      // Retried on an outage too: the stored transaction reference makes a repeat the same purchase.
      const insure = (id: string) => client.send({ json: client.request(`entt_${id}: insure`, seed) }, signal, { retry: true });
      let answer;
      try {
        answer = await insure(consumerId);
      } catch (error) {
        // 55 on a consumer id we kept from an earlier purchase: Octamile may have forgotten the
        // profile (its doc has no other code to say so). Forget it and recreate it, once; 55
        // for a new profile is a refusal like any other.
        if (!(consumer.stored && error instanceof ProviderError && error.providerCode === OUTCOME.error)) throw error;
        await store.forgetProviderValue('octamile', consumerKey(merchantId, customer.email, customer.phone), consumerId);
        consumerId = (await consumerFor(merchantId, customer, signal)).id;
        answer = await insure(consumerId);
      }
      const insured = octamileInsureSchema.parse(answer);
      return {
        // Without self-activation Octamile mails the shopper and runs the video step itself.
        status: config.selfActivation ? 'pending_activation' : 'pending',
        policy: {
          reference: coverId,
          startsAt: null,
          endsAt: null,
          activationCode: config.selfActivation ? (insured.activationCode ?? null) : null,
          certificate: false,
          providerReferences: { consumerId, product, period },
        },
      };
    },

    async status({ offer, policy, signal }: StatusInput): Promise<BindResult | null> {
      if (!policy) return null;
      const answer = await fetchStatus(policy, signal);
      const awaitingVideo = policy.activationCode !== null && !policy.providerReferences?.videoSubmittedAt;
      if (answer.status === 'p') return { status: awaitingVideo ? 'pending_activation' : 'pending', policy };
      const startsAt = answer.status === 'a' ? (parseTimestamp(answer.tmstmp) ?? new Date().toISOString()) : null;
      return {
        status: STATUS_OF[answer.status],
        policy: {
          ...policy,
          startsAt,
          endsAt: startsAt ? addMonths(startsAt, offer.termMonths) : null,
          certificate: Boolean(answer.crtfct),
        },
      };
    },

    async activate({ policy, device, customer, video, replayVideo, signal }: ActivationInput): Promise<BindResult> {
      const { consumerId, product, coverId } = references(policy);
      if (!policy?.activationCode)
        throw new ProviderError({
          provider: 'octamile',
          failure: 'refused',
          providerCode: 'no_activation_code',
          shopperMessage: 'This plan is activated by Octamile directly: follow the link in their email.',
        });
      const name = splitName(customer.name);
      const seed = {
        name: [name.first, name.last],
        phoneNo: customer.phone,
        eMail: customer.email,
        phoneBrand: device.brand ?? '',
        phoneModel: device.model ?? '',
        imei: device.imei ?? '',
        policyID: coverId,
        policyActivationCode: policy.activationCode,
        verificationVideo: '',
      };
      const request = client.request(`${coverPath(consumerId, product, coverId)}*VVNN: updt`, seed);
      const { before, after } = jsonAroundVideo(
        request,
        (body, marker) => ((body as typeof request).cmmnd.seed!.verificationVideo = marker),
      );
      let first = true;
      const stream = () => {
        const source = first ? video : (replayVideo?.() ?? null);
        first = false;
        return source ? streamJsonWithBase64(before, source, after) : null;
      };
      // Busy answers replay the video; an outage does not (the upload may have landed).
      await client.send({ stream }, signal);
      return {
        status: 'pending',
        policy: { ...policy, providerReferences: { ...policy.providerReferences, videoSubmittedAt: new Date().toISOString() } },
      };
    },

    async certificate({ policy, signal }: StatusInput): Promise<CertificateFile> {
      const answer = await fetchStatus(policy, signal);
      if (answer.status !== 'a' || !answer.crtfct) throw new CertificateNotReadyError('no certificate yet');
      const content = new Uint8Array(Buffer.from(answer.crtfct, 'base64'));
      const contentType = sniffCertificateType(content);
      if (!contentType)
        throw new ProviderError({
          provider: 'octamile',
          failure: 'provider_error',
          providerCode: 'certificate is not a PNG, JPG or PDF',
          shopperMessage: UNAVAILABLE_MESSAGE,
        });
      return { content, contentType };
    },

    async catalog() {
      return {
        categories: ['Mobile'],
        brands: [
          { name: 'Tecno', category: 'Mobile', models: ['Camon 20 Pro', 'Spark 20'] },
          { name: 'Infinix', category: 'Mobile', models: ['Hot 40'] },
          { name: 'Samsung', category: 'Mobile', models: ['Galaxy A15', 'Galaxy S23'] },
          { name: 'Nokia', category: 'Mobile', models: ['G20'] },
        ],
        currencies: ['NGN'],
        countries: ['NG'],
      };
    },
  };
}

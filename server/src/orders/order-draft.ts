/**
 * A new order from a create request: the sealed offer checked, the fields it requires
 * present, the device the one that was quoted, and a client secret of its own.
 */
import { missingRequiredFields, type CreateOrderRequest, type FieldError, type OrderDevice } from '../../../contract/schemas.ts';
import type { Merchant } from '../config.ts';
import { OfferTokenError, withoutIdentifierDigests, type DeviceIdentifier, type OfferSigner } from '../offers/offer-token.ts';
import type { StoredOrder } from '../store/types.ts';
import { OfferExpired, OfferInvalid, OrderFieldsInvalid } from './order-errors.ts';
import type { QuotedOffer } from './order-types.ts';
import { hashSecret, newClientSecret, newOrderId } from './order-secrets.ts';

/** Brand and model as people type them: case and spacing do not make another device. */
function sameName(left: string, right: string): boolean {
  const normalized = (text: string) => text.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
  return normalized(left) === normalized(right);
}

/**
 * The device bound is the device quoted: another brand, model, IMEI or serial would be
 * bound at a premium nobody quoted. Refused before payment, naming the field.
 */
function deviceMismatches(signer: OfferSigner, offer: QuotedOffer, device: OrderDevice): FieldError[] {
  const fields: FieldError[] = [];
  for (const name of ['brand', 'model'] as const) {
    const given = device[name];
    if (given !== undefined && !sameName(given, offer.device[name]))
      fields.push({ path: `device.${name}`, message: `This plan was priced for another ${name}. Get plans for this device instead.` });
  }
  const identifiers: [DeviceIdentifier, string][] = [
    ['imei', 'IMEI'],
    ['serial', 'serial number'],
  ];
  for (const [kind, label] of identifiers) {
    const given = device[kind];
    if (given !== undefined && signer.identifierMatches(offer, kind, given) === false)
      fields.push({ path: `device.${kind}`, message: `Use the ${label} this plan was priced for` });
  }
  return fields;
}

export function draftOrder(
  signer: OfferSigner,
  merchant: Merchant,
  request: CreateOrderRequest,
  now = new Date(),
): { order: StoredOrder; clientSecret: string } {
  let offer;
  try {
    const verified = signer.verify(request.offerId, merchant.id);
    offer = { ...verified.offer, expiresAt: verified.expiresAt.toISOString() };
  } catch (error) {
    if (!(error instanceof OfferTokenError)) throw error;
    throw error.reason === 'expired' ? new OfferExpired() : new OfferInvalid();
  }
  const device = request.device ?? {};
  const fields: FieldError[] = [...missingRequiredFields(request, offer.requires), ...deviceMismatches(signer, offer, device)];
  const address = request.customer.address;
  if (address && address.country !== offer.country)
    fields.push({ path: 'customer.address.country', message: `This plan covers devices in ${offer.country} only` });
  if (fields.length > 0) throw new OrderFieldsInvalid(fields);

  const id = newOrderId();
  const clientSecret = newClientSecret(id);
  const createdAt = now.toISOString();
  const order: StoredOrder = {
    id,
    merchantId: merchant.id,
    status: 'awaiting_payment',
    // The identifier digests have done their work: they are not kept with the order.
    offer: withoutIdentifierDigests(offer),
    // Brand and model exactly as quoted, whatever the spelling the shopper's form sent.
    device: { ...device, brand: offer.device.brand, model: offer.device.model },
    customer: request.customer,
    policy: null,
    clientSecretHash: hashSecret(clientSecret),
    paymentReference: null,
    failureReason: null,
    metadata: request.metadata ?? {},
    createdAt,
    updatedAt: createdAt,
  };
  return { order, clientSecret };
}

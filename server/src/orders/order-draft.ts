/**
 * A new order from a create request: the signed offer checked, the fields it requires
 * present and matching what was quoted, and a client secret of its own.
 */
import { missingRequiredFields, type CreateOrderRequest, type FieldError } from '../../../contract/schemas.ts';
import type { Merchant } from '../config.ts';
import { digestImei, OfferTokenError, type OfferSigner } from '../offers/offer-token.ts';
import type { StoredOrder } from '../store/types.ts';
import { OfferExpired, OfferInvalid, OrderFieldsInvalid } from './order-errors.ts';
import { hashSecret, newClientSecret, newOrderId } from './order-secrets.ts';

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
  const fields: FieldError[] = missingRequiredFields(request, offer.requires);
  const imeiDigest = offer.context?.imeiDigest;
  if (imeiDigest && request.device?.imei && digestImei(request.device.imei) !== imeiDigest) {
    fields.push({ path: 'device.imei', message: 'Use the IMEI this plan was priced for' });
  }
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
    offer,
    device: request.device ?? {},
    customer: request.customer,
    policy: null,
    clientSecretHash: hashSecret(clientSecret),
    paymentReference: null,
    failureReason: null,
    createdAt,
    updatedAt: createdAt,
  };
  return { order, clientSecret };
}

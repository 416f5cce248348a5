/**
 * Offer ids are sealed, expiring tokens that carry what was quoted. The server binds
 * from the token, never from anything the browser says about price or plan, so the
 * price bound is the price quoted. They are sealed with authenticated encryption
 * (AES-256-GCM), not only signed: the provider context inside (session ids, plan codes)
 * and the digests of the device's identifiers are unreadable to whoever holds the id.
 */
import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { QuotedOffer } from '../providers/types.ts';

interface OfferClaims {
  v: 2;
  merchantId: string;
  expiresAt: number;
  offer: QuotedOffer;
}

/** The device identifiers an offer can be bound to, and where their keyed digests sit in its context. */
export type DeviceIdentifier = 'imei' | 'serial';
export const IDENTIFIER_DIGEST_FIELDS = { imei: 'imeiDigest', serial: 'serialDigest' } as const satisfies Record<DeviceIdentifier, string>;

const IV_BYTES = 12;
const TAG_BYTES = 16;
/** Binds the ciphertext to its use: a value sealed by the same key for something else does not open here. */
const ASSOCIATED_DATA = Buffer.from('coverkit/offer-token/v2');

/**
 * The first, unkeyed step of the IMEI digest (kept for callers that hold only an IMEI).
 * On its own it is guessable (IMEIs are few): `OfferSigner.sign` keys it before it is
 * sealed in an offer, and never stores it as it is.
 */
export function digestImei(imei: string): string {
  return createHash('sha256').update(imei).digest('base64url').slice(0, 22);
}

/** Serial numbers as people type them: case and spaces do not matter. */
function normalizedSerial(serial: string): string {
  return serial.replace(/[\s-]+/g, '').toUpperCase();
}

export class OfferTokenError extends Error {
  constructor(readonly reason: 'malformed' | 'signature' | 'expired' | 'merchant') {
    super(`offer token ${reason}`);
  }
}

export class OfferSigner {
  readonly #sealKey: Buffer;
  readonly #digestKey: Buffer;

  /** `secret` is the merchant's secret key: only this server can mint, open or check offers. */
  constructor(secret: string) {
    this.#sealKey = createHmac('sha256', secret).update('coverkit/offer-token/v2/seal').digest();
    this.#digestKey = createHmac('sha256', secret).update('coverkit/offer-token/v2/device-identifier').digest();
  }

  /**
   * Seals `offer`. Device identifiers never travel in it: an IMEI or serial in
   * `offer.device`, or an unkeyed `context.imeiDigest` (see `digestImei`), is replaced
   * by a keyed digest that only this server can compute.
   */
  sign(merchantId: string, offer: QuotedOffer, expiresAt: Date): string {
    const claims: OfferClaims = { v: 2, merchantId, expiresAt: expiresAt.getTime(), offer: this.#withKeyedIdentifiers(offer) };
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.#sealKey, iv).setAAD(ASSOCIATED_DATA);
    const sealed = Buffer.concat([cipher.update(JSON.stringify(claims), 'utf8'), cipher.final()]);
    return `ofr_${Buffer.concat([iv, sealed, cipher.getAuthTag()]).toString('base64url')}`;
  }

  verify(token: string, merchantId: string, now = Date.now()): { offer: QuotedOffer; expiresAt: Date } {
    const match = /^ofr_([A-Za-z0-9_-]+)$/.exec(token);
    if (!match) throw new OfferTokenError('malformed');
    const bytes = Buffer.from(match[1]!, 'base64url');
    if (bytes.length <= IV_BYTES + TAG_BYTES) throw new OfferTokenError('malformed');
    let claims: OfferClaims;
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.#sealKey, bytes.subarray(0, IV_BYTES)).setAAD(ASSOCIATED_DATA);
      decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
      const plaintext = Buffer.concat([decipher.update(bytes.subarray(IV_BYTES, bytes.length - TAG_BYTES)), decipher.final()]);
      claims = JSON.parse(plaintext.toString('utf8')) as OfferClaims;
    } catch {
      // Tampered, truncated, or sealed with another key: all the same to the caller.
      throw new OfferTokenError('signature');
    }
    if (claims.v !== 2) throw new OfferTokenError('malformed');
    if (claims.merchantId !== merchantId) throw new OfferTokenError('merchant');
    if (claims.expiresAt <= now) throw new OfferTokenError('expired');
    return { offer: claims.offer, expiresAt: new Date(claims.expiresAt) };
  }

  /**
   * Whether `value` is the identifier `offer` (as returned by `verify`) was quoted for;
   * null where the quote named no such identifier.
   */
  identifierMatches(offer: QuotedOffer, kind: DeviceIdentifier, value: string): boolean | null {
    const bound = offer.context?.[IDENTIFIER_DIGEST_FIELDS[kind]];
    if (typeof bound !== 'string') return null;
    const given = Buffer.from(kind === 'imei' ? this.#keyedImei(digestImei(value)) : this.#keyedSerial(value));
    const expected = Buffer.from(bound);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }

  #keyedImei(unkeyedDigest: string): string {
    return createHmac('sha256', this.#digestKey).update(`imei:${unkeyedDigest}`).digest('base64url');
  }

  #keyedSerial(serial: string): string {
    return createHmac('sha256', this.#digestKey)
      .update(`serial:${normalizedSerial(serial)}`)
      .digest('base64url');
  }

  #withKeyedIdentifiers(offer: QuotedOffer): QuotedOffer {
    const { imei, serial, ...device } = offer.device as QuotedOffer['device'] & { imei?: string; serial?: string };
    const { imeiDigest, serialDigest, ...context } = offer.context ?? {};
    void serialDigest; // only ever computed here
    const unkeyedImei = imei ? digestImei(imei) : typeof imeiDigest === 'string' ? imeiDigest : undefined;
    const keyed = {
      ...(unkeyedImei ? { imeiDigest: this.#keyedImei(unkeyedImei) } : {}),
      ...(serial ? { serialDigest: this.#keyedSerial(serial) } : {}),
    };
    const withContext = offer.context || Object.keys(keyed).length > 0 ? { context: { ...context, ...keyed } } : {};
    return { ...offer, device, ...withContext };
  }
}

/** The offer as an order keeps it: without the identifier digests, which only order creation needs. */
export function withoutIdentifierDigests(offer: QuotedOffer): QuotedOffer {
  if (!offer.context) return offer;
  const { imeiDigest, serialDigest, ...context } = offer.context;
  void imeiDigest;
  void serialDigest;
  return { ...offer, context };
}

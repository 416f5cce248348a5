/**
 * Offer ids are signed, expiring tokens that carry what was quoted. The server binds
 * from the token, never from anything the browser says about price or plan, so the
 * price bound is the price quoted.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { QuotedOffer } from '../providers/types.ts';

interface OfferClaims {
  v: 1;
  merchantId: string;
  expiresAt: number;
  offer: QuotedOffer;
}

/**
 * Offer ids are readable by anyone, so an IMEI never goes in one; this digest binds the
 * offer to the IMEI it was priced for instead.
 */
export function digestImei(imei: string): string {
  return createHash('sha256').update(imei).digest('base64url').slice(0, 22);
}

export class OfferTokenError extends Error {
  constructor(readonly reason: 'malformed' | 'signature' | 'expired' | 'merchant') {
    super(`offer token ${reason}`);
  }
}

export class OfferSigner {
  readonly #key: Buffer;

  /** `secret` is the merchant's secret key: only this server can mint or check offers. */
  constructor(secret: string) {
    this.#key = createHmac('sha256', secret).update('coverkit/offer-token/v1').digest();
  }

  sign(merchantId: string, offer: QuotedOffer, expiresAt: Date): string {
    const claims: OfferClaims = { v: 1, merchantId, expiresAt: expiresAt.getTime(), offer };
    const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
    return `ofr_${payload}.${this.#mac(payload)}`;
  }

  verify(token: string, merchantId: string, now = Date.now()): { offer: QuotedOffer; expiresAt: Date } {
    const match = /^ofr_([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]{43})$/.exec(token);
    if (!match) throw new OfferTokenError('malformed');
    const [, payload, mac] = match as unknown as [string, string, string];
    const expected = Buffer.from(this.#mac(payload));
    const given = Buffer.from(mac);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) throw new OfferTokenError('signature');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as OfferClaims;
    if (claims.merchantId !== merchantId) throw new OfferTokenError('merchant');
    if (claims.expiresAt <= now) throw new OfferTokenError('expired');
    return { offer: claims.offer, expiresAt: new Date(claims.expiresAt) };
  }

  #mac(payload: string): string {
    return createHmac('sha256', this.#key).update(payload).digest('base64url');
  }
}

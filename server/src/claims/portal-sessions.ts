/**
 * Portal sessions: a client secret the merchant's server asks for (`POST
 * /v1/orders/{id}/portal-sessions`, secret key) long after the checkout, so `<cover-policy>`
 * on the shopper's account page can read the order and take claims for an hour. The secret
 * carries its own expiry and an HMAC under the merchant's secret key: nothing to store, and
 * rolling the secret key ends every session.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Merchant } from '../config.ts';
import type { OrderAccess } from '../orders/order-service.ts';
import { PortalSessionExpired } from './claim-errors.ts';

export const PORTAL_SESSION_TTL_MS = 60 * 60 * 1000;
const MARKER = '_portal_';

function signature(merchant: Merchant, orderId: string, expiresAt: number): string {
  return createHmac('sha256', merchant.secretKey).update(`portal-session:${merchant.id}:${orderId}:${expiresAt}`).digest('base64url');
}

/** A new portal session's client secret for `orderId`, and when it ends. */
export function createPortalSecret(merchant: Merchant, orderId: string, now = Date.now()): { clientSecret: string; expiresAt: string } {
  const expiresAt = Math.floor((now + PORTAL_SESSION_TTL_MS) / 1000);
  return {
    clientSecret: `${orderId}${MARKER}${expiresAt}_${signature(merchant, orderId, expiresAt)}`,
    expiresAt: new Date(expiresAt * 1000).toISOString(),
  };
}

/** `valid`, `expired` (signed by us, but over), or `invalid` (not a portal secret for this order). */
export function checkPortalSecret(merchant: Merchant, orderId: string, secret: string, now = Date.now()): 'valid' | 'expired' | 'invalid' {
  const prefix = `${orderId}${MARKER}`;
  if (!secret.startsWith(prefix)) return 'invalid';
  const match = /^(\d{9,12})_([A-Za-z0-9_-]{43})$/.exec(secret.slice(prefix.length));
  if (!match) return 'invalid';
  const expiresAt = Number(match[1]);
  const given = Buffer.from(match[2]!);
  const expected = Buffer.from(signature(merchant, orderId, expiresAt));
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'invalid';
  return expiresAt * 1000 > now ? 'valid' : 'expired';
}

/**
 * Who may see order `orderId`: a secret key; a publishable key with the order's own client
 * secret (OrderAccess as the order service checks it), or with a live portal session's
 * (as the merchant's server would). An expired portal secret is `PortalSessionExpired`.
 */
export function orderAccessFor(
  merchant: Merchant,
  orderId: string,
  keyKind: 'secret' | 'publishable',
  clientSecret: string | undefined,
): OrderAccess {
  if (keyKind === 'secret') return { keyKind: 'secret' };
  const portal = checkPortalSecret(merchant, orderId, clientSecret ?? '');
  if (portal === 'expired') throw new PortalSessionExpired();
  return portal === 'valid' ? { keyKind: 'secret' } : { keyKind: 'publishable', clientSecret: clientSecret ?? '' };
}

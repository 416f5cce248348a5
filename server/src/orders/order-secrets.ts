/** Order ids and client secrets: random, and the secret is only ever stored hashed. */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export function newOrderId(): string {
  return `ord_${randomBytes(12).toString('base64url')}`;
}

export function newClientSecret(orderId: string): string {
  return `${orderId}_secret_${randomBytes(24).toString('base64url')}`;
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

export function secretMatches(secret: string, storedHash: string): boolean {
  const given = Buffer.from(hashSecret(secret), 'hex');
  const expected = Buffer.from(storedHash, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

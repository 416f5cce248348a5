import type { Merchant } from '../config.ts';

export type KeyKind = 'publishable' | 'secret';

declare module 'hono' {
  interface ContextVariableMap {
    merchant: Merchant;
    keyKind: KeyKind;
    /** The raw body text, kept for idempotency hashing. */
    rawBody: string;
  }
}

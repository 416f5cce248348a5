/**
 * "One at a time" for a piece of work on one key (one activation video per order): a set in
 * this process, and, where the store is shared by several instances (PostgreSQL), a lock in the
 * database that lapses after `lockMs`, so a second instance refuses too and a dead one's lock
 * does not last.
 */
import { randomBytes } from 'node:crypto';
import type { Store } from './types.ts';

export interface InFlightGuard {
  /** True when this caller may go ahead (and must `leave` after); false when the key is busy. */
  tryEnter(key: string): Promise<boolean>;
  leave(key: string): Promise<void>;
}

export function createInFlightGuard(store: Store, { scope, lockMs }: { scope: string; lockMs: number }): InFlightGuard {
  const local = new Set<string>();
  const owner = `${process.pid}:${randomBytes(6).toString('hex')}`;
  const shared = store.acquireLock && store.releaseLock ? store : undefined;
  return {
    async tryEnter(key) {
      if (local.has(key)) return false;
      local.add(key);
      if (!shared) return true;
      const now = new Date();
      const taken = await shared.acquireLock!(`${scope}:${key}`, owner, new Date(now.getTime() + lockMs), now).catch((error: unknown) => {
        local.delete(key);
        throw error;
      });
      if (!taken) local.delete(key);
      return taken;
    },
    async leave(key) {
      local.delete(key);
      await shared?.releaseLock!(`${scope}:${key}`, owner).catch(() => undefined);
    },
  };
}

/** A Store that is usable at once while its engine is still connecting and migrating. */
import type { Store } from './types.ts';

export function lazyStore(opening: Promise<Store>): Store {
  // Surface a failed start (bad URL, database down) on first use instead of an unhandled rejection.
  opening.catch(() => undefined);
  // A proxy, so every Store method (present and future) waits for the engine the same way.
  return new Proxy({} as Store, {
    get(_target, name) {
      if (name === 'then') return undefined; // not a thenable
      return async (...args: unknown[]) => {
        const store = (await opening) as unknown as Record<PropertyKey, (...parameters: unknown[]) => unknown>;
        return store[name]!(...args);
      };
    },
  });
}

/**
 * Remembers provider answers that do not change often (premium tables, brand lists) for a
 * while. A failure is never remembered, concurrent callers share one call, and the number
 * of entries is bounded so a stream of distinct keys cannot grow memory without end.
 */
export interface MemoCache<T> {
  get(key: string, fetcher: () => Promise<T>): Promise<T>;
}

export function createMemoCache<T>({
  ttlMs,
  maxEntries = 1000,
  now = Date.now,
}: {
  ttlMs: number;
  maxEntries?: number;
  now?: () => number;
}): MemoCache<T> {
  const entries = new Map<string, { value: Promise<T>; storedAt: number }>();
  return {
    get(key, fetcher) {
      const hit = entries.get(key);
      if (hit && now() - hit.storedAt < ttlMs) return hit.value;
      const entry = { value: fetcher(), storedAt: now() };
      entries.delete(key);
      entries.set(key, entry);
      // Maps keep insertion order: the first key is the oldest.
      if (entries.size > maxEntries) entries.delete(entries.keys().next().value!);
      entry.value.catch(() => {
        if (entries.get(key) === entry) entries.delete(key);
      });
      return entry.value;
    },
  };
}

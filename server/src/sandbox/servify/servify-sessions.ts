/** Session tokens of `Auth/generateToken`: 15 minutes each, as the doc says. */
export interface ServifySessions {
  issue(): { token: string; ttl: number };
  isLive(token: string): boolean;
  /** Test hook: ends every session now, as a Servify restart would. */
  expireAll(): void;
}

export function createServifySessions(now: () => Date, ttlSeconds = 15 * 60): ServifySessions {
  const expiries = new Map<string, number>();
  return {
    issue() {
      const token = crypto.randomUUID();
      const expiresAt = now().getTime() + ttlSeconds * 1000;
      expiries.set(token, expiresAt);
      // `ttl` is the expiry as a Unix timestamp in seconds (the doc's example: 1590690721).
      return { token, ttl: Math.floor(expiresAt / 1000) };
    },
    isLive(token) {
      const expiresAt = expiries.get(token);
      return expiresAt !== undefined && expiresAt > now().getTime();
    },
    expireAll() {
      expiries.clear();
    },
  };
}

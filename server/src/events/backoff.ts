/**
 * When to try a delivery again: exponential from 15 s, capped at 6 h, with ±25 % jitter so a
 * merchant's endpoint coming back is not hit by every waiting event at once. The first retry
 * lands within a minute (11–19 s); over 3 days that is about 20 attempts.
 */
const FIRST_DELAY_MS = 15_000;
const MAX_DELAY_MS = 6 * 60 * 60 * 1000;

/** `attempts`: how many deliveries were tried so far (1 after the first). */
export function retryDelayMs(attempts: number, random: () => number = Math.random): number {
  const exponential = Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** Math.max(0, attempts - 1));
  return Math.round(exponential * (0.75 + random() * 0.5));
}

/**
 * What live mode asks of every provider a merchant uses: an explicit `https://` base URL and
 * its credentials. Each module calls these from its own `readConfig`, so config.ts keeps no
 * list of providers.
 */
import type { SharedConfig } from '../types.ts';

/** True when this provider must be configured for real: live mode, and some merchant uses it. */
export const mustBeLive = (shared: SharedConfig): boolean => shared.mode === 'live' && shared.used;

/** The provider's base URL in live mode: required, and https (a live credential never crosses the network readable). */
export function liveBaseUrl(shared: SharedConfig, name: string, value: string | undefined): string {
  if (!value) return shared.fail(name, "is required in live mode (COVERKIT_MODE=live): the provider's https:// URL");
  if (new URL(value).protocol !== 'https:') shared.fail(name, 'must be an https:// URL in live mode (COVERKIT_MODE=live)');
  return value;
}

/** A credential live mode needs; never echoed back. */
export function liveCredential(shared: SharedConfig, name: string, value: string | undefined): string {
  return value || shared.fail(name, 'is required in live mode (COVERKIT_MODE=live)');
}

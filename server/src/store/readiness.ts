/** Readiness of a store: reachable, and migrated to the latest version this code knows. */
import { migrations } from './migrations.ts';
import type { StoreReadiness } from './types.ts';

export const LATEST_MIGRATION = Math.max(...migrations.map((migration) => migration.version));

/** Ready when the applied version is the latest (an instance of newer code may have moved it on: also ready). */
export function readinessOf(appliedVersion: number | null | undefined): StoreReadiness {
  const version = appliedVersion ?? 0;
  if (version < LATEST_MIGRATION) return { ready: false, reason: `database at migration ${version}, this code needs ${LATEST_MIGRATION}` };
  return { ready: true };
}

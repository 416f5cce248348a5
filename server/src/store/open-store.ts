/** Picks the store engine from the configuration: PostgreSQL with DATABASE_URL, else SQLite. */
import type { Logger } from '../logger.ts';
import type { Config } from '../config.ts';
import { createFieldCipher, loadOrCreateLocalDataKey } from './field-cipher.ts';
import { lazyStore } from './lazy-store.ts';
import { openPostgresStore } from './postgres-store.ts';
import { openSqliteStore } from './sqlite-store.ts';
import type { Store } from './types.ts';

export function openStore(config: Config, logger?: Pick<Logger, 'error'>): Store {
  const key = config.dataKey ?? loadOrCreateLocalDataKey(config.dataDir);
  const cipher = createFieldCipher(key);
  if (config.databaseUrl) return lazyStore(openPostgresStore(config.databaseUrl, cipher, { logger, schema: config.databaseSchema }));
  return openSqliteStore(config.dataDir, cipher, { logger });
}

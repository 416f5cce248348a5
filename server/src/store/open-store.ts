/** Picks the store engine from the configuration. */
import type { Config } from '../config.ts';
import { createFieldCipher, loadOrCreateLocalDataKey } from './field-cipher.ts';
import { openSqliteStore } from './sqlite-store.ts';
import type { Store } from './types.ts';

export function openStore(config: Config): Store {
  const key = config.dataKey ?? loadOrCreateLocalDataKey(config.dataDir);
  return openSqliteStore(config.dataDir, createFieldCipher(key));
}

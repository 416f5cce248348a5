/**
 * Encrypts shoppers' personal data (customer, device identifiers) at rest with
 * AES-256-GCM, so a copied database file or backup reveals no names, phones or IMEIs.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const PREFIX = 'enc:v1:';

export interface FieldCipher {
  encrypt(plaintext: string): string;
  decrypt(stored: string): string;
}

export function createFieldCipher(key: Buffer): FieldCipher {
  if (key.length !== 32) throw new Error('the data key must be 32 bytes');
  return {
    encrypt(plaintext) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      return `${PREFIX}${iv.toString('base64url')}:${cipher.getAuthTag().toString('base64url')}:${ciphertext.toString('base64url')}`;
    },
    decrypt(stored) {
      if (!stored.startsWith(PREFIX)) return stored;
      const [iv, tag, ciphertext] = stored.slice(PREFIX.length).split(':') as [string, string, string];
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString('utf8');
    },
  };
}

/** Parses COVERKIT_DATA_KEY: 32 bytes as base64 or 64 hex digits. Null when malformed. */
export function parseDataKey(value: string): Buffer | null {
  const key = /^[0-9a-f]{64}$/i.test(value) ? Buffer.from(value, 'hex') : Buffer.from(value, 'base64');
  return key.length === 32 ? key : null;
}

/**
 * Without COVERKIT_DATA_KEY the embedded database gets a key file of its own beside it,
 * readable by this user only: enough for a laptop demo, and the README says to set the key.
 */
export function loadOrCreateLocalDataKey(dataDir: string): Buffer {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const file = path.join(dataDir, 'data.key');
  if (existsSync(file)) {
    const key = parseDataKey(readFileSync(file, 'utf8').trim());
    // A key file from before files were kept private: private from now on.
    chmodSync(file, 0o600);
    if (key) return key;
    throw new Error(`${file} does not hold a 32-byte key`);
  }
  const key = randomBytes(32);
  writeFileSync(file, key.toString('base64'), { mode: 0o600 });
  chmodSync(file, 0o600);
  return key;
}

import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { after, describe, it } from 'node:test';
import pg from 'pg';
import { createFieldCipher } from './field-cipher.ts';
import { openPostgresStore } from './postgres-store.ts';
import { openSqliteStore } from './sqlite-store.ts';
import { testOutbox } from './outbox-contract.ts';
import { testStore } from './store-contract.ts';

const cipher = createFieldCipher(randomBytes(32));
const folders: string[] = [];
after(() => folders.forEach((folder) => rmSync(folder, { recursive: true, force: true })));

testStore('sqlite', async () => {
  const folder = mkdtempSync(path.join(tmpdir(), 'coverkit-store-'));
  folders.push(folder);
  const store = openSqliteStore(folder, cipher);
  // Every file SQLite wrote (database and WAL), as bytes an attacker with the disk would see.
  const rawDump = async () =>
    readdirSync(folder)
      .map((file) => readFileSync(path.join(folder, file)).toString('latin1'))
      .join('');
  return { store, rawDump };
});

testOutbox('sqlite', async () => {
  const folder = mkdtempSync(path.join(tmpdir(), 'coverkit-outbox-'));
  folders.push(folder);
  return openSqliteStore(folder, cipher);
});

const databaseUrl = process.env.COVERKIT_TEST_DATABASE_URL;
if (databaseUrl) {
  testStore('postgres', async () => {
    const schema = `test_${randomBytes(6).toString('hex')}`;
    const store = await openPostgresStore(databaseUrl, cipher, { schema });
    const rawDump = async () => {
      const client = new pg.Client({ connectionString: databaseUrl });
      await client.connect();
      try {
        return JSON.stringify((await client.query(`SELECT * FROM ${schema}.orders`)).rows);
      } finally {
        await client.end();
      }
    };
    return { store, rawDump };
  });
  testOutbox('postgres', () => openPostgresStore(databaseUrl, cipher, { schema: `test_${randomBytes(6).toString('hex')}` }));
} else {
  describe('store contract: postgres', () => {
    it(
      'runs when COVERKIT_TEST_DATABASE_URL points at a server (CI starts one)',
      { skip: 'COVERKIT_TEST_DATABASE_URL is not set' },
      () => {},
    );
  });
}

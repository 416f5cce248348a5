/** Schema migrations, applied in order once each. Plain SQL both engines understand. */
export const migrations: { version: number; sql: string }[] = [
  {
    version: 1,
    sql: `
      CREATE TABLE orders (
        id TEXT PRIMARY KEY,
        merchant_id TEXT NOT NULL,
        status TEXT NOT NULL,
        offer TEXT NOT NULL,
        device TEXT NOT NULL,
        customer TEXT NOT NULL,
        policy TEXT,
        client_secret_hash TEXT NOT NULL,
        payment_reference TEXT,
        failure_reason TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE INDEX orders_status ON orders (status);
      CREATE TABLE idempotency_keys (
        merchant_id TEXT NOT NULL,
        route TEXT NOT NULL,
        key TEXT NOT NULL,
        body_hash TEXT NOT NULL,
        response_status INTEGER,
        response_body TEXT,
        created_at TEXT NOT NULL,
        PRIMARY KEY (merchant_id, route, key)
      );
    `,
  },
  {
    version: 2,
    sql: `
      CREATE TABLE provider_events (
        provider TEXT NOT NULL,
        event_key TEXT NOT NULL,
        received_at TEXT NOT NULL,
        PRIMARY KEY (provider, event_key)
      );
    `,
  },
];

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
    // 10+: numbers below are left to other branches' migrations, so merges do not collide.
    version: 10,
    sql: `
      CREATE TABLE provider_events (
        provider TEXT NOT NULL,
        event_id TEXT NOT NULL,
        type TEXT NOT NULL,
        order_id TEXT,
        received_at TEXT NOT NULL,
        PRIMARY KEY (provider, event_id)
      );
      CREATE TABLE provider_values (
        provider TEXT NOT NULL,
        key TEXT NOT NULL,
        value TEXT NOT NULL,
        created_at TEXT NOT NULL,
        PRIMARY KEY (provider, key)
      );
    `,
  },
  {
    // Issue 13: why a bind failed (may the merchant retry?), and what the provider charged where it differs from the quote.
    version: 31,
    sql: `
      ALTER TABLE orders ADD COLUMN failure_kind TEXT;
      ALTER TABLE orders ADD COLUMN charged_price TEXT;
    `,
  },
  {
    // Issue 13: why and when an order was cancelled; the reason is the merchant's free text, encrypted.
    version: 32,
    sql: `
      ALTER TABLE orders ADD COLUMN cancellation_reason TEXT;
      ALTER TABLE orders ADD COLUMN cancelled_at TEXT;
    `,
  },
  {
    // Issue 14: claims on a policy. incident and address hold the shopper's words and whereabouts: encrypted.
    version: 40,
    sql: `
      CREATE TABLE claims (
        id TEXT PRIMARY KEY,
        merchant_id TEXT NOT NULL,
        order_id TEXT NOT NULL,
        livemode INTEGER NOT NULL,
        provider TEXT NOT NULL,
        status TEXT NOT NULL,
        type TEXT NOT NULL,
        reference TEXT,
        incident TEXT NOT NULL,
        issue TEXT,
        appointment TEXT,
        address TEXT,
        decision TEXT,
        timeline TEXT NOT NULL,
        provider_references TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE INDEX claims_order ON claims (order_id, created_at);
    `,
  },
  {
    // Issue 15: the merchant's metadata on orders, and the outbox of events to the merchant,
    // written in the same transaction as the change each announces (delivered in order per order).
    version: 50,
    sql: `
      ALTER TABLE orders ADD COLUMN metadata TEXT;
      CREATE INDEX orders_merchant_created ON orders (merchant_id, created_at);
      CREATE TABLE events (
        id TEXT PRIMARY KEY,
        merchant_id TEXT NOT NULL,
        type TEXT NOT NULL,
        order_id TEXT NOT NULL,
        sequence INTEGER NOT NULL,
        livemode INTEGER NOT NULL,
        body TEXT NOT NULL,
        created_at TEXT NOT NULL,
        state TEXT NOT NULL,
        attempts INTEGER NOT NULL,
        next_attempt_at TEXT NOT NULL,
        give_up_at TEXT NOT NULL,
        lease_owner TEXT,
        lease_until TEXT,
        delivered_at TEXT,
        last_status INTEGER,
        last_error TEXT,
        UNIQUE (order_id, sequence)
      );
      CREATE INDEX events_due ON events (state, next_attempt_at);
      CREATE INDEX events_merchant_created ON events (merchant_id, created_at);
    `,
  },
  {
    // Issue 15, many instances: counters shared by every instance (rate limits, provider budgets),
    // and the reconciler's lease on an order (who works on it, until when), so two instances never
    // reconcile one order at once and a dead instance's claim lapses; short locks (one activation
    // upload per order at a time), which lapse too.
    version: 60,
    sql: `
      CREATE TABLE shared_counters (
        key TEXT NOT NULL,
        window_start BIGINT NOT NULL,
        count INTEGER NOT NULL,
        PRIMARY KEY (key, window_start)
      );
      ALTER TABLE orders ADD COLUMN lease_owner TEXT;
      ALTER TABLE orders ADD COLUMN lease_until TEXT;
      CREATE TABLE shared_locks (
        key TEXT PRIMARY KEY,
        owner TEXT NOT NULL,
        until TEXT NOT NULL
      );
    `,
  },
  {
    // Issue 15: an operator marked the shopper refunded (a failed or declined order after payment, a price difference); the note is free text, encrypted.
    version: 70,
    sql: `
      ALTER TABLE orders ADD COLUMN refunded_at TEXT;
      ALTER TABLE orders ADD COLUMN refund_note TEXT;
    `,
  },
];

/**
 * What the store refuses, in its own words; errors.ts maps them to HTTP answers.
 * Messages name ids only, never the data.
 */

/**
 * A row this server cannot decrypt: written under another data key (a second instance
 * with its own key, a lost key file). Reads of it fail; lists skip it.
 */
export class UnreadableRecord extends Error {
  override name = 'UnreadableRecord';
  readonly recordId: string;
  constructor(options: { kind: 'order' | 'idempotency' | 'claim'; recordId: string; cause?: unknown }) {
    super(`${options.kind} ${options.recordId} cannot be decrypted with this server's data key`, { cause: options.cause });
    this.recordId = options.recordId;
  }
}

/** Another process held the database lock past the busy timeout: try again shortly. */
export class StoreBusy extends Error {
  override name = 'StoreBusy';
  constructor(options: { cause?: unknown } = {}) {
    super('the database is locked by another process', options);
  }
}

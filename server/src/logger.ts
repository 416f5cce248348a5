/**
 * Structured one-line JSON logs. Callers pass ids and codes only: never bodies, names,
 * phones, addresses, IMEIs or keys.
 *
 * Lines go to `output` (stdout) in batches: a request only appends to a buffer, and the
 * buffer is written once per turn of the event loop, so a busy server makes one write for
 * many requests instead of a synchronous `writev` each. When the output pushes back, lines
 * wait for `drain` (and past `maxPendingLines` the oldest are dropped and counted, so a stuck
 * pipe cannot grow memory without end). `flush()` on shutdown writes what is left.
 */
export interface Logger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
  /** Resolves once every line logged so far has been handed to the output. */
  flush(): Promise<void>;
}

/** The part of a Writable the logger uses (process.stdout in production). */
export interface LogOutput {
  write(chunk: string, callback?: (error?: Error | null) => void): boolean;
  once(event: 'drain', listener: () => void): unknown;
}

export interface LoggerOptions {
  silent?: boolean;
  /**
   * A synchronous sink called once per line (tests read the lines right after a request).
   * Given, it replaces the buffered `output`.
   */
  write?: (line: string) => void;
  output?: LogOutput;
  maxPendingLines?: number;
}

export function createLogger({ silent = false, write, output = process.stdout, maxPendingLines = 10_000 }: LoggerOptions = {}): Logger {
  const emit: BufferedWriter = write ? { line: write, flush: () => Promise.resolve() } : bufferedWriter(output, maxPendingLines);
  const log =
    (level: string) =>
    (message: string, fields: Record<string, unknown> = {}) => {
      if (!silent) emit.line(JSON.stringify({ time: new Date().toISOString(), level, message, ...fields }));
    };
  return {
    info: log('info'),
    warn: log('warn'),
    error: log('error'),
    flush: () => emit.flush(),
  };
}

interface BufferedWriter {
  line(line: string): void;
  flush(): Promise<void>;
}

function bufferedWriter(output: LogOutput, maxPendingLines: number): BufferedWriter {
  let pending: string[] = [];
  let dropped = 0;
  let scheduled = false;
  let waitingForDrain = false;

  function writePending() {
    scheduled = false;
    if (waitingForDrain || (pending.length === 0 && dropped === 0)) return;
    if (dropped > 0) {
      pending.unshift(`${JSON.stringify({ time: new Date().toISOString(), level: 'warn', message: 'log lines dropped', dropped })}\n`);
      dropped = 0;
    }
    const chunk = pending.join('');
    pending = [];
    if (!output.write(chunk)) {
      waitingForDrain = true;
      output.once('drain', () => {
        waitingForDrain = false;
        writePending();
      });
    }
  }

  return {
    line(line) {
      pending.push(`${line}\n`);
      if (pending.length > maxPendingLines) {
        pending.shift();
        dropped++;
      }
      if (!scheduled) {
        scheduled = true;
        // After the current I/O phase: every request handled in it shares one write.
        setImmediate(writePending);
      }
    },
    async flush() {
      while (waitingForDrain) await new Promise<void>((resolve) => output.once('drain', resolve));
      writePending();
      // Writes complete in order: this callback runs once everything before it is out.
      await new Promise<void>((resolve) => output.write('', () => resolve()));
    },
  };
}

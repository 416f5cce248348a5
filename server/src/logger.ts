/**
 * Structured one-line JSON logs. Callers pass ids and codes only: never bodies, names,
 * phones, addresses, IMEIs or keys.
 */
export interface Logger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

export function createLogger({ silent = false, write = (line: string): void => void process.stdout.write(`${line}\n`) } = {}): Logger {
  const log =
    (level: string) =>
    (message: string, fields: Record<string, unknown> = {}) => {
      if (!silent) write(JSON.stringify({ time: new Date().toISOString(), level, message, ...fields }));
    };
  return { info: log('info'), warn: log('warn'), error: log('error') };
}

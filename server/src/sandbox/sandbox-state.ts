/**
 * What a sandbox remembers across restarts: one small JSON file per sandbox under
 * `<COVERKIT_DATA_DIR>/sandbox/<id>.json`, written atomically (a temporary file renamed over
 * the old one), so the database's orders and the sandboxes' consumers, covers and contracts
 * stay in step. `POST /sandbox/_reset` forgets it all, for a clean demo.
 */
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export class SandboxState {
  readonly #file: string | null;
  readonly #resetListeners = new Set<() => void>();

  /** `file` null: kept in memory only (unit tests that build a sandbox by hand). */
  constructor(file: string | null = null) {
    this.#file = file;
  }

  /** The state saved last, or undefined when there is none (or it cannot be read: a sandbox starts empty). */
  load<T>(): T | undefined {
    if (!this.#file) return undefined;
    try {
      return JSON.parse(readFileSync(this.#file, 'utf8')) as T;
    } catch {
      return undefined;
    }
  }

  save(value: unknown): void {
    if (!this.#file) return;
    mkdirSync(path.dirname(this.#file), { recursive: true });
    const temporary = `${this.#file}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify(value));
    renameSync(temporary, this.#file);
  }

  /** The sandbox clears its memory here when the state is reset. */
  onReset(listener: () => void): void {
    this.#resetListeners.add(listener);
  }

  reset(): void {
    if (this.#file) rmSync(this.#file, { force: true });
    for (const listener of this.#resetListeners) listener();
  }
}

/** One state per sandbox id, under the data folder. */
export function sandboxStateFor(dataDir: string, id: string): SandboxState {
  return new SandboxState(path.join(dataDir, 'sandbox', `${id}.json`));
}

/**
 * One sandbox state file holding two sections, contracts and claims: the file was an array of
 * contracts before claims existed, and such a file still loads (as the contracts section).
 */
import { SandboxState } from '../sandbox-state.ts';

type Combined = { contracts?: unknown; claims?: unknown };

class SandboxSection extends SandboxState {
  readonly #parent: SandboxState;
  readonly #combined: Combined;
  readonly #key: keyof Combined;

  constructor(parent: SandboxState, combined: Combined, key: keyof Combined) {
    super(null);
    this.#parent = parent;
    this.#combined = combined;
    this.#key = key;
  }

  override load<T>(): T | undefined {
    return this.#combined[this.#key] as T | undefined;
  }

  override save(value: unknown): void {
    this.#combined[this.#key] = value;
    this.#parent.save(this.#combined);
  }

  override onReset(listener: () => void): void {
    this.#parent.onReset(listener);
  }

  override reset(): void {
    this.#parent.reset();
  }
}

export function splitSandboxState(state: SandboxState = new SandboxState()): { contracts: SandboxState; claims: SandboxState } {
  const saved = state.load<unknown>();
  const combined: Combined = Array.isArray(saved) ? { contracts: saved } : ((saved as Combined | undefined) ?? {});
  state.onReset(() => {
    delete combined.contracts;
    delete combined.claims;
  });
  return { contracts: new SandboxSection(state, combined, 'contracts'), claims: new SandboxSection(state, combined, 'claims') };
}

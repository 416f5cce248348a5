/** What the Octamile sandbox remembers: product profiles, consumers, covers and their review. */
import { randomBytes } from 'node:crypto';
import { SandboxState } from '../sandbox-state.ts';
import { certificatePdf, certificatePng } from './octamile-certificate-files.ts';

/** Product profiles: the cover periods each allows and their premium in Naira. */
export const PRODUCT_PROFILES: Record<string, Record<string, number>> = {
  'phnn-flx2-1111': { '7d': 900, '1m': 2500, '6m': 5000, '1y': 9000 },
  // Trigger product: every period answers 35 ("full capacity") once, then 75.
  'phnn-flx2-3535': { '6m': 5200, '1y': 9400 },
};

export interface Consumer {
  first: string;
  last: string;
  phoneNo: string;
  eMail: string;
}

export interface Cover {
  id: string;
  consumerId: string;
  product: string;
  period: string;
  brand: string;
  model: string;
  imei: string;
  activationCode: string;
  videoAt: number | null;
}

const LOWER_ALPHANUMERIC = 'abcdefghijklmnopqrstuvwxyz0123456789';

export function lowerAlphanumeric(length: number): string {
  return Array.from(randomBytes(length), (byte) => LOWER_ALPHANUMERIC[byte % LOWER_ALPHANUMERIC.length]).join('');
}

/** `2023-04-07 05:55:09`, the doc's timestamp format (UTC here). */
function octamileTimestamp(time: number): string {
  return new Date(time).toISOString().slice(0, 19).replace('T', ' ');
}

interface Saved {
  consumers: [string, Consumer][];
  covers: [string, Cover][];
}

/** Consumers and covers outlive a restart (`state`), as Octamile's own do; busy triggers do not. */
export function createOctamileState({ reviewDelayMs, state = new SandboxState() }: { reviewDelayMs: number; state?: SandboxState }) {
  const saved = state.load<Saved>();
  const consumers = new Map<string, Consumer>(saved?.consumers ?? []);
  const covers = new Map<string, Cover>(saved?.covers ?? []);
  /** Trigger bookkeeping: which "busy once" requests were already answered 35. */
  const answeredBusy = new Set<string>();
  state.onReset(() => {
    consumers.clear();
    covers.clear();
    answeredBusy.clear();
  });

  return {
    consumers,
    covers,
    /** Writes consumers and covers to the data folder; call after every change. */
    save(): void {
      state.save({ consumers: [...consumers], covers: [...covers] } satisfies Saved);
    },
    /** True the first time `key` is seen, so a trigger answers 35 once and 75 after. */
    busyOnce(key: string): boolean {
      if (answeredBusy.has(key)) return false;
      answeredBusy.add(key);
      return true;
    },
    addConsumer(consumer: Consumer): string {
      const id = lowerAlphanumeric(32);
      consumers.set(id, consumer);
      this.save();
      return id;
    },
    /** Review is decided `reviewDelayMs` after a valid video: approved, or declined for the `Declined` trigger. */
    statusOf(cover: Cover, now = Date.now()): { status: 'p' | 'd' | 'a'; crtfct?: string; tmstmp?: string } {
      if (cover.videoAt === null || now - cover.videoAt < reviewDelayMs) return { status: 'p' };
      const decidedAt = octamileTimestamp(cover.videoAt + reviewDelayMs);
      const consumer = consumers.get(cover.consumerId);
      if (/^declined$/i.test(consumer?.last ?? '')) return { status: 'd', tmstmp: decidedAt };
      const file = /^document$/i.test(consumer?.last ?? '') ? certificatePdf(cover.id, decidedAt) : certificatePng(cover.id);
      return { status: 'a', crtfct: file.toString('base64'), tmstmp: decidedAt };
    },
  };
}

export type OctamileState = ReturnType<typeof createOctamileState>;

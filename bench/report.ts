/** What the bench phases found: issue 17's goal rows, the detail rows, and the raw figures for .bench/latest.json. */
import type { Row } from './table.ts';

/** Issue 17's table, in its order. */
export const GOAL_ORDER = ['page', 'cached', 'sandboxes', 'memory', 'wire', 'gzip', 'servify', 'lighthouse'] as const;

export const goals = new Map<(typeof GOAL_ORDER)[number], Row>();
export const rows: Row[] = [];
export const raw: Record<string, unknown> = {};

/** Each phase is bounded by a count or a duration. */
export const LOAD_SECONDS = 10;
export const WARM_UP_SECONDS = 3;

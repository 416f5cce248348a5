/** What /v1 shows of an event: the body the merchant receives, and how its delivery went. */
import type { StoredEvent } from '../store/types.ts';

export function presentEvent(event: StoredEvent) {
  return {
    ...(JSON.parse(event.body) as { id: string; type: string; created: number; livemode: boolean; data: Record<string, unknown> }),
    delivery: {
      state: event.state,
      attempts: event.attempts,
      lastStatus: event.lastStatus,
      lastError: event.lastError,
      nextAttemptAt: event.state === 'pending' ? event.nextAttemptAt : null,
      deliveredAt: event.deliveredAt,
    },
  };
}

// The sweeper's step: for every active event, frees the seats whose own expiry passed (expire-6),
// batch after batch, so each freed seat gets a stream entry (the seat map's announcement, and the
// reconciler's input) within one tick of expiring.
import type { Redis } from 'ioredis';
import { expireHolds } from '../holds/expire-holds.ts';
import { HoldRefusedError } from '../holds/hold-refusal.ts';
import { listActiveEvents } from './active-events.store.ts';

export interface SweepExpiredHoldsOptions {
  redis: Redis;
  prefix: string;
  /** Defaults to every active event. */
  eventIds?: string[];
  batchSize?: number;
  /** Bounds one event's work per tick so a huge backlog cannot starve the others. */
  maxBatchesPerEvent?: number;
}

export interface SweepResult {
  events: number;
  freedSeats: number;
  /** Events that are marked active but whose seat state is not loaded in Redis. */
  notLoaded: string[];
}

export const sweepExpiredHolds = async ({
  redis,
  prefix,
  eventIds,
  batchSize = 500,
  maxBatchesPerEvent = 20,
}: SweepExpiredHoldsOptions): Promise<SweepResult> => {
  const ids = eventIds ?? (await listActiveEvents({ redis, prefix }));
  const result: SweepResult = { events: ids.length, freedSeats: 0, notLoaded: [] };
  for (const eventId of ids) {
    try {
      for (let batch = 0; batch < maxBatchesPerEvent; batch++) {
        const { freed } = await expireHolds({ redis, prefix, eventId, batchSize });
        result.freedSeats += freed.length;
        if (freed.length < batchSize) break;
      }
    } catch (error) {
      if (error instanceof HoldRefusedError && error.refusal === 'EVENT_NOT_LOADED') {
        result.notLoaded.push(eventId);
      } else throw error;
    }
  }
  return result;
};

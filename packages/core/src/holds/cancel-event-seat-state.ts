// Stops an event's sale in Redis (cancel-9): holds released, seats freed, layout removed so every
// later hold is refused, meta marked `cancelled`. Sold seats wait for their refunds (refund-4).
import { DEFAULT_STREAM_MAX_LEN, type EventStoreOptions } from './hold-options.ts';
import { HoldRefusal } from './hold-refusal.ts';
import { eventKeys } from './keys.ts';
import { holdCommands } from './lua-scripts.ts';

export interface CancelledSeatState {
  /** False when Redis does not hold the event (nothing to stop) or it was cancelled before. */
  cancelled: boolean;
  releasedHolds: number;
  freedSeats: number;
}

export const cancelEventSeatState = async (
  options: EventStoreOptions,
): Promise<CancelledSeatState> => {
  const k = eventKeys(options);
  const reply = await holdCommands(options.redis).tesseraCancel_v1(
    k.meta,
    k.seats,
    k.expiry,
    k.holds,
    k.users,
    k.layout,
    k.rows,
    k.rank,
    k.stream,
    String(options.streamMaxLen ?? DEFAULT_STREAM_MAX_LEN),
  );
  const status = Number(reply[0]);
  if (status === HoldRefusal.EVENT_NOT_LOADED) {
    return { cancelled: false, releasedHolds: 0, freedSeats: 0 };
  }
  if (status < 0) throw new Error(`cancel-9 returned unknown status ${status}`);
  return { cancelled: status > 0, releasedHolds: Number(reply[1]), freedSeats: Number(reply[2]) };
};

/** Whether Redis marked the event's sale cancelled. */
export const isEventSaleCancelled = async (options: Omit<EventStoreOptions, 'streamMaxLen'>) =>
  (await options.redis.hget(eventKeys(options).meta, 'cancelled')) === '1';

// Returns a refunded sale's seats to sale in Redis (refund-4), after Postgres committed the refund.
import { DEFAULT_STREAM_MAX_LEN, type EventStoreOptions } from './hold-options.ts';
import { HoldRefusal } from './hold-refusal.ts';
import { eventKeys } from './keys.ts';
import { holdCommands } from './lua-scripts.ts';

export interface ReturnRefundedSeatsOptions extends EventStoreOptions {
  /** The refunded sale's hold (its record is dropped); null when the order has none. */
  holdId: string | null;
  seatIds: number[];
}

/**
 * The seats that went back on sale and the version that announced them. An event Redis does not
 * hold has nothing to return: its next load reads the refund from Postgres.
 */
export const returnRefundedSeats = async (
  options: ReturnRefundedSeatsOptions,
): Promise<{ version: number | null; seatIds: number[] }> => {
  if (options.seatIds.length === 0) return { version: null, seatIds: [] };
  const k = eventKeys(options);
  const reply = await holdCommands(options.redis).tesseraRefund_v1(
    k.meta,
    k.seats,
    k.holds,
    k.stream,
    options.holdId ?? '',
    String(options.streamMaxLen ?? DEFAULT_STREAM_MAX_LEN),
    ...options.seatIds.map(String),
  );
  const status = Number(reply[0]);
  if (status === HoldRefusal.EVENT_NOT_LOADED || status === 0)
    return { version: null, seatIds: [] };
  if (status < 0) throw new Error(`refund-4 returned unknown status ${status}`);
  return { version: status, seatIds: reply.slice(1).map(Number) };
};

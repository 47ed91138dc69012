// Sweeper step: frees one batch of seats whose own expiry passed and says what it freed (expire-6).
import { assertScriptSucceeded } from './hold-refusal.ts';
import { DEFAULT_STREAM_MAX_LEN, positiveInteger, type EventStoreOptions } from './hold-options.ts';
import { eventKeys } from './keys.ts';
import { holdCommands } from './lua-scripts.ts';

export interface ExpireHoldsOptions extends EventStoreOptions {
  batchSize?: number;
}

export interface ExpiredSeats {
  /** The version of this batch's change; null when nothing was due. */
  version: number | null;
  freed: Array<{ seatId: number; holdId: string }>;
}

export const expireHolds = async (options: ExpireHoldsOptions): Promise<ExpiredSeats> => {
  const batchSize = options.batchSize ?? 500;
  positiveInteger('batchSize', batchSize);
  const k = eventKeys(options);
  const reply = assertScriptSucceeded(
    await holdCommands(options.redis).tesseraExpire_v1(
      k.meta,
      k.seats,
      k.expiry,
      k.holds,
      k.users,
      k.stream,
      String(batchSize),
      String(options.streamMaxLen ?? DEFAULT_STREAM_MAX_LEN),
    ),
  );
  const freed: ExpiredSeats['freed'] = [];
  for (let i = 1; i < reply.length; i += 2) {
    freed.push({ seatId: Number(reply[i]), holdId: String(reply[i + 1]) });
  }
  return { version: freed.length > 0 ? Number(reply[0]) : null, freed };
};

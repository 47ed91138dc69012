// Marks a live hold's seats sold in Redis once the sale is committed in Postgres (sell-6).
import { assertScriptSucceeded } from './hold-refusal.ts';
import { DEFAULT_STREAM_MAX_LEN, type EventStoreOptions } from './hold-options.ts';
import { eventKeys } from './keys.ts';
import { holdCommands } from './lua-scripts.ts';

export interface SellHoldOptions extends EventStoreOptions {
  holdId: string;
  userId: string;
}

export const sellHold = async (options: SellHoldOptions): Promise<{ version: number }> => {
  const k = eventKeys(options);
  const reply = assertScriptSucceeded(
    await holdCommands(options.redis).tesseraSell_v1(
      k.meta,
      k.seats,
      k.expiry,
      k.holds,
      k.users,
      k.stream,
      options.holdId,
      options.userId,
      String(options.streamMaxLen ?? DEFAULT_STREAM_MAX_LEN),
    ),
  );
  return { version: Number(reply[0]) };
};

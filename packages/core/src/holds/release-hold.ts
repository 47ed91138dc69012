// Releases a fan's own hold and frees its seats (release-6).
import { assertScriptSucceeded } from './hold-refusal.ts';
import { DEFAULT_STREAM_MAX_LEN, type EventStoreOptions } from './hold-options.ts';
import { eventKeys } from './keys.ts';
import { holdCommands } from './lua-scripts.ts';

export interface ReleaseHoldOptions extends EventStoreOptions {
  holdId: string;
  userId: string;
}

export const releaseHold = async (options: ReleaseHoldOptions): Promise<{ version: number }> => {
  const k = eventKeys(options);
  const reply = assertScriptSucceeded(
    await holdCommands(options.redis).tesseraRelease_v1(
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

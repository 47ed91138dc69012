// Extends a hold once when its payment starts, never past the hard maximum lifetime (extend-5).
import { assertScriptSucceeded } from './hold-refusal.ts';
import { DEFAULT_STREAM_MAX_LEN, positiveInteger, type EventStoreOptions } from './hold-options.ts';
import { eventKeys } from './keys.ts';
import { holdCommands } from './lua-scripts.ts';

export interface ExtendHoldOptions extends EventStoreOptions {
  holdId: string;
  userId: string;
  /** How long from now the paying fan gets. */
  extensionMs: number;
  /** No hold lives longer than this from its creation, extended or not. */
  maxLifetimeMs: number;
}

export const extendHold = async (
  options: ExtendHoldOptions,
): Promise<{ version: number; expiresAt: number }> => {
  positiveInteger('extensionMs', options.extensionMs);
  positiveInteger('maxLifetimeMs', options.maxLifetimeMs);
  const k = eventKeys(options);
  const reply = assertScriptSucceeded(
    await holdCommands(options.redis).tesseraExtend_v1(
      k.meta,
      k.seats,
      k.expiry,
      k.holds,
      k.stream,
      options.holdId,
      options.userId,
      String(options.extensionMs),
      String(options.maxLifetimeMs),
      String(options.streamMaxLen ?? DEFAULT_STREAM_MAX_LEN),
    ),
  );
  return { version: Number(reply[0]), expiresAt: Number(reply[1]) };
};

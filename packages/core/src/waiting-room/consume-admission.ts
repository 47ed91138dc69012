// Marks a fan's admission used once their order completes (checkout confirm calls this): the
// fan stops counting as an active shopper (frees a place under CAP), then the token is added to
// the event's consumed set, which the hold scripts refuse from then on.
import type { Redis } from 'ioredis';
import { eventGateKeys, windowKeys } from './keys.ts';
import { windowCommands, windowKeyList } from './lua-scripts.ts';

export interface ConsumeAdmissionOptions {
  redis: Redis;
  prefix: string;
  eventId: string;
  windowId: string;
  userId: string;
}

/** True when a live admission was consumed now; false when there was none or it was used/expired. */
export const consumeAdmission = async (options: ConsumeAdmissionOptions): Promise<boolean> => {
  const { redis, windowId, userId } = options;
  const reply = (await windowCommands(redis).tesseraWrConsume_v1(
    ...windowKeyList(windowKeys(options)),
    userId,
  )) as Array<number | string>;
  const status = Number(reply[0]);
  if (status < 0) return false;
  // Also on a repeat (status 0): a crash between the two writes must not leave the token usable.
  await redis.sadd(eventGateKeys(options).consumed, `${windowId}:${String(reply[1])}`);
  return status === 1;
};

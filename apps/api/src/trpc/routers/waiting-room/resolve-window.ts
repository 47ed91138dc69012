// Resolves an event to its current or next waiting-room window (from Redis), counting the call
// against the fan's and the IP's budget first, so a refused caller costs one limiter round trip.
import { AppErrorCode } from '@tessera/contracts/errors';
import { AppError } from '@tessera/core/errors/app-error';
import type { Redis } from 'ioredis';
import { findWaitingRoomWindow } from '@tessera/core/waiting-room/find-waiting-room-window';
import type { WaitingRoomWindow } from '@tessera/core/waiting-room/waiting-room-options';
import type { Context } from '../../context.ts';
import { consumeRateLimit } from '../../../rate-limits/limit-call.ts';

/**
 * How long one process reuses an event's window lookup. The lookup only picks the window; its live
 * state (status, times, sold out) is judged by the join and status scripts on every call, so a
 * second-old pick costs nothing but saves two Redis reads per call during a spike.
 */
const WINDOW_LOOKUP_TTL_MS = 1_000;

type Lookup = { at: number; window: Promise<WaitingRoomWindow | null> };
const lookups = new WeakMap<Redis, Map<string, Lookup>>();

const findWindowCached = (redis: Redis, prefix: string, eventId: string) => {
  let byKey = lookups.get(redis);
  if (!byKey) lookups.set(redis, (byKey = new Map()));
  const key = `${prefix}|${eventId}`;
  const now = Date.now();
  const hit = byKey.get(key);
  if (hit && now - hit.at < WINDOW_LOOKUP_TTL_MS) return hit.window;
  const window = findWaitingRoomWindow({ redis, prefix, eventId });
  // Failed lookups are not kept; the map stays small (one entry per event with live traffic).
  window.catch(() => byKey.delete(key));
  if (byKey.size > 10_000) byKey.clear();
  byKey.set(key, { at: now, window });
  return window;
};

export const queueStore = (ctx: Context) => ({
  redis: ctx.redis,
  prefix: ctx.config.redisPrefix,
  tokenSecret: ctx.config.waitingRoom.admissionTokenSecret,
});

export const resolveWaitingRoomWindow = async ({
  ctx,
  call,
  userId,
  eventId,
}: {
  ctx: Context;
  call: 'join' | 'queueStatus';
  userId: string;
  eventId: string;
}) => {
  const { redis, prefix } = queueStore(ctx);
  const [, window] = await Promise.all([
    consumeRateLimit(ctx, call, userId),
    findWindowCached(redis, prefix, eventId),
  ]);
  if (!window)
    throw new AppError(AppErrorCode.NOT_FOUND, {
      userMessage:
        'This event has no waiting room open or coming up. Check the event page for sale dates.',
    });
  return window;
};

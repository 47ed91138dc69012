// Resolves an event to its current or next waiting-room window (from Redis), counting the call
// against the fan's and the IP's budget first, so a refused caller costs one limiter round trip.
import { AppErrorCode } from '@tessera/contracts/errors';
import { AppError } from '@tessera/core/errors/app-error';
import { findWaitingRoomWindow } from '@tessera/core/waiting-room/find-waiting-room-window';
import type { Context } from '../../context.ts';
import { sharedQueueRateLimits, type QueueCall } from './queue-rate-limits.ts';

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
  call: QueueCall;
  userId: string;
  eventId: string;
}) => {
  const { redis, prefix } = queueStore(ctx);
  const limits = sharedQueueRateLimits({ redis, prefix, limits: ctx.config.waitingRoom.limits });
  const [, window] = await Promise.all([
    limits.consume(call, { userId, ip: ctx.req.ip }),
    findWaitingRoomWindow({ redis, prefix, eventId }),
  ]);
  if (!window)
    throw new AppError(AppErrorCode.NOT_FOUND, {
      userMessage:
        'This event has no waiting room open or coming up. Check the event page for sale dates.',
    });
  return window;
};

// The event's current waiting-room window, or its next one, read from Redis (the event's gate and
// the window's mirrored config): what waitingRoom.join/status resolve an event id to.
import type { Redis } from 'ioredis';
import { readGate } from './gate.store.ts';
import { windowKeys } from './keys.ts';
import type { WaitingRoomWindow } from './waiting-room-options.ts';

export interface FindWaitingRoomWindowOptions {
  redis: Redis;
  prefix: string;
  eventId: string;
  /** Epoch ms; omitted: Date.now(). */
  nowMs?: number;
}

/** Current window (startsAt <= now < endsAt) first, else the next to start; null when none. */
export const findWaitingRoomWindow = async (
  options: FindWaitingRoomWindowOptions,
): Promise<WaitingRoomWindow | null> => {
  const now = options.nowMs ?? Date.now();
  const entries = (await readGate(options))
    .filter((entry) => entry.endsAt > now)
    .sort((a, b) => a.startsAt - b.startsAt);
  const chosen = entries.find((entry) => entry.startsAt <= now) ?? entries[0];
  if (!chosen) return null;
  const [name, preQueueOpensAt, perFan, sessionMs, commitment, soldOut, status] =
    await options.redis.hmget(
      windowKeys({ prefix: options.prefix, windowId: chosen.windowId }).config,
      'name',
      'preQueueOpensAt',
      'perFan',
      'sessionMs',
      'commitment',
      'soldOut',
      'status',
    );
  return {
    windowId: chosen.windowId,
    eventId: options.eventId,
    name: name ?? '',
    status: (status ?? chosen.status) as WaitingRoomWindow['status'],
    startsAt: chosen.startsAt,
    endsAt: chosen.endsAt,
    preQueueOpensAt: preQueueOpensAt ? Number(preQueueOpensAt) : null,
    perFanSeatLimit: Number(perFan ?? 6),
    shopperSessionSeconds: Math.round(Number(sessionMs ?? 600_000) / 1000),
    lotteryCommitment: commitment ?? null,
    soldOut: soldOut === '1',
  };
};

// The event's current waiting-room window, or its next one, read from Redis (the event's gate and
// the window's mirrored config): what waitingRoom.join/status resolve an event id to.
import type { Redis } from 'ioredis';
import type { WaitingRoomWindow } from './waiting-room-options.ts';

export interface FindWaitingRoomWindowOptions {
  redis: Redis;
  prefix: string;
  eventId: string;
  nowMs?: number;
}

/** Current window (startsAt <= now < endsAt) first, else the next to start; null when none. */
export const findWaitingRoomWindow = async (
  _options: FindWaitingRoomWindowOptions,
): Promise<WaitingRoomWindow | null> => {
  throw new Error('not yet');
};

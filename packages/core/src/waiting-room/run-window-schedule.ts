// The worker's once-a-second schedule pass over on-sale windows with a waiting room: opens
// pre-queues (lottery commitment), opens windows at startsAt (SCHEDULED -> OPEN, lottery, gate),
// ends windows at endsAt, and returns the windows that need an admission step.
import type { PrismaClient } from '@tessera/db/client';
import type { Redis } from 'ioredis';

export interface RunWindowScheduleOptions {
  prisma: PrismaClient;
  redis: Redis;
  prefix: string;
  /** Simulated time (epoch ms); omitted: Date.now(). */
  nowMs?: number;
}

export interface WindowScheduleResult {
  preQueuesOpened: string[];
  opened: string[];
  ended: string[];
  /** OPEN windows with a waiting room: the admission tick advances each. */
  admitting: string[];
}

export const runWindowSchedule = async (
  _options: RunWindowScheduleOptions,
): Promise<WindowScheduleResult> => {
  throw new Error('not yet');
};

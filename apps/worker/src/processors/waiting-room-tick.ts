// Processes the waiting-room tick: the on-sale window schedule (pre-queues, openings with their
// lottery, endings, windows Redis lost restored from Postgres), one admission step for every
// running window with its passes copied to Postgres, then every live window's new joins copied.
import { advanceAdmission } from '@tessera/core/waiting-room/advance-admission';
import {
  mirrorIssuedPasses,
  mirrorWaitingRoom,
} from '@tessera/core/waiting-room/mirror-waiting-room';
import { runWindowSchedule } from '@tessera/core/waiting-room/run-window-schedule';
import type { PrismaClient } from '@tessera/db/client';
import { WaitingRoomJob, WaitingRoomQueueName } from '@tessera/jobs/waiting-room-queue';
import { Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { instrumentJob } from '../observability/job-context.ts';

export interface WaitingRoomTickDeps {
  prisma: PrismaClient;
  /** Client for waiting-room keys and scripts (not a BullMQ connection). */
  redis: Redis;
  /** Prefix of waiting-room and seat-state keys (REDIS_PREFIX). */
  seatPrefix: string;
  connection: Redis;
  /** BullMQ key prefix. */
  prefix: string;
  logger: Logger;
  /** Only these windows (tests sharing a database); omitted: every live window. */
  windowIds?: string[];
}

export const processWaitingRoomTick =
  ({
    prisma,
    redis,
    seatPrefix,
    logger,
    windowIds,
  }: Omit<WaitingRoomTickDeps, 'connection' | 'prefix'>) =>
  async (job: Job<unknown, unknown, string>) => {
    if (job.name !== WaitingRoomJob.TICK) throw new Error(`Unknown waiting-room job "${job.name}"`);
    const schedule = await runWindowSchedule({ prisma, redis, prefix: seatPrefix, windowIds });
    for (const [change, ids] of Object.entries({
      'pre-queue opened': schedule.preQueuesOpened,
      'window opened': schedule.opened,
      'window ended': schedule.ended,
    })) {
      for (const windowId of ids) logger.info({ windowId }, change);
    }
    const store = { prisma, redis, prefix: seatPrefix };
    let admitted = 0;
    for (const windowId of schedule.admitting) {
      // One window failing must not stall the others.
      try {
        const step = await advanceAdmission({ redis, prefix: seatPrefix, windowId });
        admitted += step.admitted;
        if (step.soldOut) logger.info({ windowId }, 'waiting room sold out');
        await mirrorIssuedPasses({ ...store, windowId, passes: step.passes }).catch(
          (err: unknown) => logger.error({ windowId, err }, 'admission copy to Postgres failed'),
        );
      } catch (err) {
        logger.error({ windowId, err }, 'admission step failed');
      }
    }
    // After the steps, so a long copy (a join spike) never delays admissions. A failed copy
    // holds nothing up either: its cursors stay where they were, and the next tick copies it.
    for (const windowId of schedule.live) {
      await mirrorWaitingRoom({ ...store, windowId }).catch((err: unknown) =>
        logger.error({ windowId, err }, 'waiting-room copy to Postgres failed'),
      );
    }
    return { windows: schedule.admitting.length, admitted };
  };

export const createWaitingRoomWorker = (deps: WaitingRoomTickDeps) =>
  new Worker(
    WaitingRoomQueueName,
    instrumentJob(WaitingRoomQueueName, processWaitingRoomTick(deps)),
    {
      connection: deps.connection,
      prefix: deps.prefix,
      concurrency: 1,
    },
  );

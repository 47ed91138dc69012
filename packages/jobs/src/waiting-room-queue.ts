// The waiting-room queue: one recurring tick (about every second) that runs the on-sale window
// schedule and one admission step per running window. Upserting the scheduler keeps a single
// schedule however many workers start; the processor runs with concurrency 1, and each admission
// step is atomic in Lua, so even two ticks overlapping on two replicas never admit twice.
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';

export const WaitingRoomQueueName = 'waiting-room';

export const WaitingRoomJob = {
  TICK: 'waiting-room-tick',
} as const;
export type WaitingRoomJob = (typeof WaitingRoomJob)[keyof typeof WaitingRoomJob];

export type WaitingRoomQueue = Queue<Record<string, never>, unknown, WaitingRoomJob>;

export const createWaitingRoomQueue = ({
  connection,
  prefix,
}: {
  connection: Redis;
  prefix: string;
}): WaitingRoomQueue => new Queue(WaitingRoomQueueName, { connection, prefix });

export const scheduleWaitingRoom = async (queue: WaitingRoomQueue, everyMs = 1_000) => {
  // A tick is worthless once past: never keep it around.
  await queue.upsertJobScheduler(
    WaitingRoomJob.TICK,
    { every: everyMs },
    { name: WaitingRoomJob.TICK, data: {}, opts: { removeOnComplete: true, removeOnFail: true } },
  );
};

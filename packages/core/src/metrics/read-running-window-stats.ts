// Figures of every waiting-room window running now (OPEN or PAUSED), for the /metrics scrape: the
// window id label stays bounded by the windows actually running, never every window ever made.
import type { PrismaClient } from '@tessera/db/client';
import type { Redis } from 'ioredis';
import type { WindowStats } from '@tessera/contracts/waiting-room';
import { readWindowStats } from '../waiting-room/read-window-stats.ts';

export interface RunningWindowStats extends WindowStats {
  eventId: string;
}

export const readRunningWindowStats = async ({
  prisma,
  redis,
  prefix,
}: {
  prisma: PrismaClient;
  redis: Redis;
  prefix: string;
}): Promise<RunningWindowStats[]> => {
  const windows = await prisma.onSaleWindow.findMany({
    where: { status: { in: ['OPEN', 'PAUSED'] }, waitingRoomEnabled: true },
    select: { id: true, eventId: true },
    orderBy: { startsAt: 'asc' },
    take: 200,
  });
  return Promise.all(
    windows.map(async ({ id, eventId }) => ({
      ...(await readWindowStats({ redis, prefix, windowId: id })),
      eventId,
    })),
  );
};

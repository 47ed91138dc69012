// Builds an event's Redis seat state from Postgres (the source of truth for sold seats) and
// installs it unless the event is already loaded; ensureEventLoaded rebuilds after Redis lost it.
import type { Redis } from 'ioredis';
import type { PrismaClient } from '@tessera/db/client';
import { AppErrorCode } from '@tessera/contracts/errors';
import { AppError } from '../errors/app-error.ts';
import { restoreAndMirrorWindow } from '../waiting-room/publish-window.ts';
import { markEventActive } from '../reconciliation/active-events.store.ts';
import { cancelEventSeatState } from './cancel-event-seat-state.ts';
import { readEventSeatRows } from './event-seat-state.repository.ts';
import { installEventSeatState } from './install-event-seat-state.ts';
import { eventKeys } from './keys.ts';
import { encodeSeatLayout } from './seat-layout.ts';

export interface LoadEventSeatStateOptions {
  prisma: PrismaClient;
  redis: Redis;
  prefix: string;
  eventId: string;
  streamMaxLen?: number;
}

/** `installed` is false when the event was already loaded (possibly by a concurrent loader). */
export const loadEventSeatState = async ({
  prisma,
  redis,
  prefix,
  eventId,
  streamMaxLen,
}: LoadEventSeatStateOptions): Promise<{ installed: boolean; version: number | null }> => {
  const rows = await readEventSeatRows({ prisma, eventId, now: new Date() });
  if (!rows) {
    throw new AppError(AppErrorCode.NOT_FOUND, {
      userMessage: 'This event does not exist.',
      message: `Cannot load seat state: event ${eventId} not found`,
    });
  }
  const layout = encodeSeatLayout({
    seats: rows.seats,
    stage: rows.stage,
    rowSortOrder: rows.rowSortOrder,
  });
  // The waiting-room gate goes back first: once the state is installed the hold scripts run, and
  // an empty gate would let fans hold without an admission pass until the scheduler's next tick.
  // A window Redis lost also gets its queue and passes back from Postgres.
  const windows = await prisma.onSaleWindow.findMany({
    where: { eventId, waitingRoomEnabled: true, status: { in: ['SCHEDULED', 'OPEN', 'PAUSED'] } },
  });
  for (const row of windows) await restoreAndMirrorWindow({ prisma, redis, prefix, row });
  const installed = await installEventSeatState({
    redis,
    prefix,
    eventId,
    streamMaxLen,
    state: {
      layout,
      soldSeatIds: rows.soldSeatIds,
      holds: rows.holds,
      versionFloor: rows.versionFloor,
    },
  });
  // The reconcile and sweep ticks visit active events (reconciliation/active-events.store.ts).
  await markEventActive({ redis, prefix, eventId });
  // A cancelled event rebuilt after Redis lost it stops its sale again (admin cancel, cancel-9).
  const event = await prisma.event.findUnique({ where: { id: eventId }, select: { status: true } });
  if (event?.status === 'CANCELLED') {
    await cancelEventSeatState({ redis, prefix, eventId, streamMaxLen });
  }
  return installed;
};

export const isEventLoaded = async ({
  redis,
  prefix,
  eventId,
}: Pick<LoadEventSeatStateOptions, 'redis' | 'prefix' | 'eventId'>): Promise<boolean> =>
  (await redis.hget(eventKeys({ prefix, eventId }).meta, 'loaded')) === '1';

// One load per event at a time in this process: the first holds of a sale all find the event
// unloaded, and a load per request would take every Postgres connection at once.
const loadsInFlight = new Map<string, Promise<void>>();

/** Rebuilds the event's seat state when Redis has none (e.g. it restarted empty). */
export const ensureEventLoaded = async (options: LoadEventSeatStateOptions): Promise<void> => {
  if (await isEventLoaded(options)) return;
  const key = `${options.prefix}\u0000${options.eventId}`;
  let load = loadsInFlight.get(key);
  if (!load) {
    load = loadEventSeatState(options).then(() => undefined);
    loadsInFlight.set(key, load);
    void load.finally(() => loadsInFlight.delete(key)).catch(() => undefined);
  }
  await load;
};

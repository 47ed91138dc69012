// Mirrors one on-sale window from Postgres into Redis: the window's config hash and the event's
// gate entry the hold scripts read. Called after every admin write and by the scheduler;
// idempotent, never touches the queue, the lottery seed or live counters (except to put them back
// from Postgres, restore-window.ts, when Redis lost the window).
import type { Db } from '@tessera/db/client';
import { AppErrorCode } from '@tessera/contracts/errors';
import { AppError } from '../errors/app-error.ts';
import { removeGateEntry, writeGateEntry } from './gate.store.ts';
import { windowKeys } from './keys.ts';
import { restoreLostWindowState, type RestoreWindowOptions } from './restore-window.ts';
import type { WindowAdminOptions } from './waiting-room-options.ts';

type WindowRow = Db.OnSaleWindow;

export const FINISHED_WINDOW_TTL_SECONDS = 7 * 86_400;

/** Config fields mirrored from Postgres; null values are removed from the hash. */
const mirroredFields = (row: WindowRow): Record<string, string | null> => ({
  eventId: row.eventId,
  name: row.name,
  status: row.status,
  waitingRoom: row.waitingRoomEnabled ? '1' : '0',
  startsAt: String(row.startsAt.getTime()),
  endsAt: String(row.endsAt.getTime()),
  preQueueOpensAt: row.preQueueOpensAt ? String(row.preQueueOpensAt.getTime()) : null,
  mode: row.admissionMode,
  // The pace applies in PACE mode and, when set, bounds INVENTORY; the cap applies in CAP and
  // bounds the others when set.
  rate: row.admissionMode === 'CAP' ? null : nullableString(row.admissionRatePerMinute),
  maxActive: nullableString(row.maxActiveShoppers),
  sessionMs: String(row.shopperSessionSeconds * 1000),
  graceMs: String(row.graceSeconds * 1000),
  perFan: String(row.perFanSeatLimit),
});

const nullableString = (value: number | null) => (value === null ? null : String(value));

/** Writes a window row (already read) into Redis. */
export const mirrorWindow = async ({
  redis,
  prefix,
  row,
}: Pick<WindowAdminOptions, 'redis' | 'prefix'> & { row: WindowRow }) => {
  const keys = windowKeys({ prefix, windowId: row.id });
  const fields = mirroredFields(row);
  const set = Object.entries(fields).filter(
    (entry): entry is [string, string] => entry[1] !== null,
  );
  const unset = Object.entries(fields)
    .filter(([, value]) => value === null)
    .map(([name]) => name);
  const multi = redis.multi().hset(keys.config, Object.fromEntries(set));
  if (unset.length > 0) multi.hdel(keys.config, ...unset);
  // A finished window's queue and stats stay readable for a week, then Redis lets them go.
  if (row.status === 'ENDED' || row.status === 'CANCELLED') {
    for (const key of Object.values(keys)) multi.expire(key, FINISHED_WINDOW_TTL_SECONDS);
  }
  await multi.exec();
  const gate = { redis, prefix, eventId: row.eventId };
  if (row.waitingRoomEnabled) {
    await writeGateEntry({
      ...gate,
      entry: {
        windowId: row.id,
        startsAt: row.startsAt.getTime(),
        endsAt: row.endsAt.getTime(),
        status: row.status,
      },
    });
  } else {
    await removeGateEntry({ ...gate, windowId: row.id });
  }
};

/**
 * Mirrors a window, first restoring its queue and passes from Postgres if Redis lost them. Every
 * caller that may be the first to touch a window after a Redis loss uses this.
 */
export const restoreAndMirrorWindow = async (options: RestoreWindowOptions) => {
  const result = await restoreLostWindowState(options);
  await mirrorWindow(options);
  return result;
};

export const publishWindow = async ({ prisma, redis, prefix, windowId }: WindowAdminOptions) => {
  const row = await prisma.onSaleWindow.findUnique({ where: { id: windowId } });
  if (!row) {
    throw new AppError(AppErrorCode.NOT_FOUND, {
      message: `on-sale window ${windowId} not found`,
      userMessage: 'We could not find that on-sale window.',
    });
  }
  await restoreAndMirrorWindow({ prisma, redis, prefix, row });
};

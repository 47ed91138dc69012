// admin.onSales.schedule / update: validated writes to Postgres, then the window is mirrored into
// Redis (config + the event's hold gate) so the hot paths never read Postgres.
import type { Redis } from 'ioredis';
import type { PrismaClient } from '@tessera/db/client';
import { AppErrorCode } from '@tessera/contracts/errors';
import {
  onSaleWindowProblems,
  type AdminOnSaleWindow,
  type OnSaleWindowChanges,
  type OnSaleWindowSettings,
} from '@tessera/contracts/on-sales';
import { AppError } from '../errors/app-error.ts';
import { publishWindow } from '../waiting-room/publish-window.ts';
import { checkWindowSchedule } from './check-window-schedule.ts';
import { toAdminOnSaleWindow } from './on-sale-window-view.ts';
import {
  findOnSaleWindow,
  insertOnSaleWindow,
  updateOnSaleWindow,
  type OnSaleWindowRow,
} from './on-sale-window.repository.ts';

export interface OnSaleDeps {
  prisma: PrismaClient;
  redis: Redis;
  prefix: string;
}

/** Settings that cannot change once a window has started (fans already queued under them). */
const LOCKED_ONCE_STARTED = ['startsAt', 'preQueueOpensAt', 'waitingRoomEnabled'] as const;

export const scheduleOnSaleWindow = async ({
  eventId,
  settings,
  now = new Date(),
  ...deps
}: OnSaleDeps & {
  eventId: string;
  settings: OnSaleWindowSettings;
  now?: Date;
}): Promise<AdminOnSaleWindow> => {
  await checkWindowSchedule({ ...deps, eventId, window: settings, mustStartInFuture: true, now });
  const row = await insertOnSaleWindow({ ...deps, data: { eventId, ...settings } });
  await publishWindow({ ...deps, windowId: row.id });
  return toAdminOnSaleWindow(row);
};

export const notFound = () =>
  new AppError(AppErrorCode.NOT_FOUND, { userMessage: 'That on-sale window does not exist.' });

const settingsOf = (row: OnSaleWindowRow): OnSaleWindowSettings => ({
  name: row.name,
  startsAt: row.startsAt,
  endsAt: row.endsAt,
  presaleCode: row.presaleCode,
  waitingRoomEnabled: row.waitingRoomEnabled,
  preQueueOpensAt: row.preQueueOpensAt,
  admissionMode: row.admissionMode,
  admissionRatePerMinute: row.admissionRatePerMinute,
  maxActiveShoppers: row.maxActiveShoppers,
  shopperSessionSeconds: row.shopperSessionSeconds,
  perFanSeatLimit: row.perFanSeatLimit,
  graceSeconds: row.graceSeconds,
});

const sameValue = (a: unknown, b: unknown) =>
  a instanceof Date && b instanceof Date ? a.getTime() === b.getTime() : a === b;

export const updateOnSaleWindowSettings = async ({
  id,
  changes,
  now = new Date(),
  ...deps
}: OnSaleDeps & { id: string; changes: OnSaleWindowChanges; now?: Date }) => {
  const current = await findOnSaleWindow({ ...deps, id });
  if (!current) throw notFound();
  if (current.status === 'ENDED' || current.status === 'CANCELLED')
    throw new AppError(AppErrorCode.CONFLICT, {
      userMessage: `This window is ${current.status.toLowerCase()}; schedule a new one instead.`,
    });
  const before = settingsOf(current);
  const started = current.status !== 'SCHEDULED';
  if (started) {
    const locked = LOCKED_ONCE_STARTED.find(
      (field) => field in changes && !sameValue(changes[field], before[field]),
    );
    if (locked) {
      const message = 'This window has started; its start, pre-queue and waiting room are fixed.';
      throw new AppError(AppErrorCode.CONFLICT, {
        userMessage: message,
        fieldErrors: { [locked]: message },
      });
    }
  }
  const merged: OnSaleWindowSettings = { ...before, ...changes };
  const problems = onSaleWindowProblems(merged);
  const [firstProblem] = Object.values(problems);
  if (firstProblem)
    throw new AppError(AppErrorCode.VALIDATION, {
      userMessage: firstProblem,
      fieldErrors: problems,
    });
  await checkWindowSchedule({
    ...deps,
    eventId: current.eventId,
    window: merged,
    windowId: id,
    mustStartInFuture: !started && 'startsAt' in changes,
    now,
  });
  // Only from the status read above: a window the scheduler opened meanwhile is re-checked by a retry.
  const row = await updateOnSaleWindow({
    ...deps,
    id,
    fromStatuses: [current.status],
    data: changes,
  });
  if (!row)
    throw new AppError(AppErrorCode.CONFLICT, {
      userMessage: 'The window changed status meanwhile; reload and try again.',
    });
  await publishWindow({ ...deps, windowId: id });
  return toAdminOnSaleWindow(row);
};

// Finds a fan's own hold by id: the event from the fan's index (or Postgres once reconciled),
// the record from Redis. Another fan's hold answers exactly like a missing one.
import { AppErrorCode } from '@tessera/contracts/errors';
import { AppError } from '../errors/app-error.ts';
import type { SeatStoreDeps } from './create-hold.ts';
import { fanHoldEvent, readHoldRecords, type HoldRecord } from './hold-records.store.ts';
import { ensureEventLoaded } from '../holds/load-event-seat-state.ts';

export const holdNotFound = () =>
  new AppError(AppErrorCode.NOT_FOUND, { userMessage: 'We could not find that hold.' });

export const findFanHoldEvent = async ({
  prisma,
  redis,
  prefix,
  userId,
  holdId,
}: Omit<SeatStoreDeps, 'saleInfo'> & { userId: string; holdId: string }): Promise<string> => {
  const indexed = await fanHoldEvent({ redis, prefix, userId, holdId });
  if (indexed) return indexed;
  const row = await prisma.hold.findFirst({
    where: { id: holdId, userId },
    select: { eventId: true },
  });
  if (!row) throw holdNotFound();
  return row.eventId;
};

/** The fan's hold record in Redis (rebuilding the event's state if Redis lost it). */
export const findFanHold = async (
  deps: Omit<SeatStoreDeps, 'saleInfo'> & { userId: string; holdId: string },
): Promise<HoldRecord> => {
  const eventId = await findFanHoldEvent(deps);
  await ensureEventLoaded({ ...deps, eventId });
  const [record] = await readHoldRecords({ ...deps, eventId, holdIds: [deps.holdId] });
  if (!record || record.userId !== deps.userId) throw holdNotFound();
  return record;
};

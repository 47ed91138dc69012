// holds.release: the fan gives their seats back; an already-lapsed hold reports released: false.
import { AppErrorCode } from '@tessera/contracts/errors';
import { AppError } from '../errors/app-error.ts';
import { HoldRefusedError } from '../holds/hold-refusal.ts';
import { releaseHold } from '../holds/release-hold.ts';
import { withEventLoaded, type SeatStoreDeps } from './create-hold.ts';
import { findFanHoldEvent, holdNotFound } from './find-fan-hold.ts';
import { forgetFanHolds } from './hold-records.store.ts';

export const releaseFanHold = async ({
  userId,
  holdId,
  ...deps
}: Omit<SeatStoreDeps, 'saleInfo'> & { userId: string; holdId: string }) => {
  const eventId = await findFanHoldEvent({ ...deps, userId, holdId });
  try {
    await withEventLoaded({ ...deps, eventId }, () =>
      releaseHold({ ...deps, eventId, holdId, userId }),
    );
  } catch (error) {
    if (!(error instanceof HoldRefusedError)) throw error;
    if (error.refusal === 'NOT_FOUND') throw holdNotFound();
    if (error.refusal === 'ALREADY_SOLD') {
      throw new AppError(AppErrorCode.CONFLICT, {
        userMessage: 'These seats are already paid for; they are in your tickets.',
      });
    }
    if (error.refusal !== 'HOLD_EXPIRED') throw error;
    await forgetFanHolds({ ...deps, userId, holdIds: [holdId] });
    return { holdId, released: false };
  }
  await forgetFanHolds({ ...deps, userId, holdIds: [holdId] });
  return { holdId, released: true };
};

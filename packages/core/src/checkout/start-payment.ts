// The checks before any money moves: the hold is the caller's and live; it is extended once so it
// cannot lapse under a paying fan; its Postgres row exists for the payment to reference.
import { AppErrorCode } from '@tessera/contracts/errors';
import { AppError } from '../errors/app-error.ts';
import { extendHold } from '../holds/extend-hold.ts';
import { HoldRefusedError } from '../holds/hold-refusal.ts';
import type { CheckoutDeps } from './checkout-deps.ts';
import { findFanHold } from './find-fan-hold.ts';
import type { HoldRecord } from './hold-records.store.ts';
import { ensureHoldRow } from './sale.repository.ts';

const holdExpired = () =>
  new AppError(AppErrorCode.HOLD_EXPIRED, {
    userMessage: 'Your hold on these seats has expired. Pick your seats again.',
  });

const alreadyPaid = () =>
  new AppError(AppErrorCode.CONFLICT, {
    userMessage: 'These seats are already paid for; they are in your tickets.',
  });

export const startPayment = async (
  deps: CheckoutDeps,
  { userId, holdId }: { userId: string; holdId: string },
): Promise<HoldRecord> => {
  const hold = await findFanHold({ ...deps, userId, holdId });
  if (hold.status === 's') throw alreadyPaid();
  if (hold.status !== 'h') throw holdExpired();
  try {
    const extended = await extendHold({
      ...deps,
      eventId: hold.eventId,
      holdId,
      userId,
      extensionMs: deps.holdExtensionMs,
      maxLifetimeMs: deps.maxHoldLifetimeMs,
    });
    Object.assign(hold, { expiresAt: extended.expiresAt, extended: true });
  } catch (error) {
    if (!(error instanceof HoldRefusedError)) throw error;
    // A retry after a declined card: the one extension is spent, the hold is still live.
    if (error.refusal === 'ALREADY_EXTENDED') {
      if (hold.expiresAt <= Date.now()) throw holdExpired();
    } else if (error.refusal === 'ALREADY_SOLD') throw alreadyPaid();
    else if (error.refusal === 'HOLD_EXPIRED' || error.refusal === 'NOT_FOUND') throw holdExpired();
    else throw error;
  }
  await ensureHoldRow({ prisma: deps.prisma, hold });
  return hold;
};

// holds.create: chosen seats or best available, all or none, in one Lua call (no Postgres on the
// hot path: seat labels, prices and the per-fan limit come from the in-process sale-info cache).
import { createHash, randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { PrismaClient } from '@tessera/db/client';
import type { CreateHoldRequest, Hold } from '@tessera/contracts/holds';
import { AppErrorCode } from '@tessera/contracts/errors';
import { AppError } from '../errors/app-error.ts';
import { holdBestAvailable } from '../holds/hold-best-available.ts';
import { HoldRefusedError } from '../holds/hold-refusal.ts';
import { holdSeats } from '../holds/hold-seats.ts';
import { ensureEventLoaded } from '../holds/load-event-seat-state.ts';
import { recordHoldOutcome } from '../metrics/hold-counters.store.ts';
import type { EventSaleInfoCache } from './event-sale-info.ts';
import { explainHoldRefusal } from './explain-hold-refusal.ts';
import { forgetFanHolds, readHoldRecords, rememberFanHold } from './hold-records.store.ts';
import { toHoldView } from './hold-view.ts';
import {
  checkAdmissionToken,
  explainAdmissionRefusal,
  type RefusedToken,
} from './hold-admission.ts';

export interface SeatStoreDeps {
  prisma: PrismaClient;
  redis: Redis;
  prefix: string;
  saleInfo: EventSaleInfoCache;
}

export interface CreateHoldOptions extends SeatStoreDeps {
  userId: string;
  request: CreateHoldRequest;
  ttlMs: number;
  /** ADMISSION_TOKEN_SECRET: verifies the signature of `request.admissionToken`. */
  admissionTokenSecret: string;
  /** Told about a token signed by us but issued to another fan or event (log it; never the token). */
  onRefusedToken?: (refused: RefusedToken) => void;
}

/** Refusals the sale dashboard counts as hold conflicts (fans racing for the same seats). */
const SEAT_CONFLICTS = new Set<string>(['SEAT_TAKEN', 'NO_ADJACENT_SEATS']);

/** The same (fan, idempotency key) always names the same hold, so the script refuses a replay. */
const holdIdFor = (userId: string, key: string | undefined): string => {
  if (!key) return randomUUID();
  const h = createHash('sha256').update(`hold:${userId}:${key}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
};

/** Runs a seat-state call; if Redis has no state for the event, loads it from Postgres and retries once. */
export const withEventLoaded = async <T>(
  deps: Pick<SeatStoreDeps, 'prisma' | 'redis' | 'prefix'> & { eventId: string },
  call: () => Promise<T>,
): Promise<T> => {
  try {
    return await call();
  } catch (error) {
    if (!(error instanceof HoldRefusedError) || error.refusal !== 'EVENT_NOT_LOADED') throw error;
    await ensureEventLoaded(deps);
    return call();
  }
};

export const createHold = async (options: CreateHoldOptions): Promise<Hold> => {
  const { redis, prefix, userId, request, ttlMs } = options;
  const { eventId } = request;
  const info = await options.saleInfo.get(eventId);
  const holdId = holdIdFor(userId, request.idempotencyKey);
  const admissionClaims = checkAdmissionToken({
    secret: options.admissionTokenSecret,
    token: request.admissionToken,
    userId,
    eventId,
    onRefusedToken: options.onRefusedToken,
  });
  const rules = {
    redis,
    prefix,
    eventId,
    userId,
    holdId,
    ttlMs,
    perUserSeatLimit: info.perFanSeatLimit,
    admissionClaims,
  };
  const hold = () =>
    'seatIds' in request
      ? holdSeats({ ...rules, seatIds: request.seatIds })
      : holdBestAvailable({ ...rules, quantity: request.quantity, priceTierId: request.tierId });
  // The fan-index write is sent right behind the script on the same connection, so Redis runs the
  // script first (any reader that sees the index entry sees the hold) and a successful hold costs
  // one round trip instead of two. A refused hold leaves an entry pointing at nothing.
  const holdAndRemember = async () => {
    const [result] = await Promise.all([
      hold(),
      rememberFanHold({ redis, prefix, userId, holdId, eventId }),
    ]);
    return result;
  };
  try {
    const result = await withEventLoaded({ ...options, eventId }, holdAndRemember);
    recordHoldOutcome({ redis, prefix, eventId, outcome: 'created' }); // dashboard; not awaited
    // A seat this process's cache does not know was added by a layout edit (possibly on another
    // replica): read the event again rather than price or name it from the stale entry.
    const fresh = result.seatIds.every((id) => info.seats.has(id))
      ? info
      : (options.saleInfo.forget(eventId), await options.saleInfo.get(eventId));
    return toHoldView({ info: fresh, ...result, extended: false });
  } catch (error) {
    if (error instanceof HoldRefusedError && SEAT_CONFLICTS.has(error.refusal)) {
      recordHoldOutcome({ redis, prefix, eventId, outcome: 'conflict' }); // dashboard; not awaited
    }
    if (error instanceof HoldRefusedError && error.refusal === 'DUPLICATE_HOLD') {
      const [record] = await readHoldRecords({ redis, prefix, eventId, holdIds: [holdId] });
      if (record && record.userId === userId && record.status === 'h') {
        return toHoldView({ info, ...record });
      }
      throw new AppError(AppErrorCode.CONFLICT, {
        userMessage: 'This hold request was already used; start a new one.',
      });
    }
    // A random id names no other hold, so its dangling index entry can go now (not awaited: the
    // refusal need not wait). A keyed id may be retried concurrently; holds.mine prunes it later.
    if (!request.idempotencyKey) {
      void forgetFanHolds({ redis, prefix, userId, holdIds: [holdId] }).catch(() => {});
    }
    throw explainAdmissionRefusal(error, eventId) ?? explainHoldRefusal(error, info);
  }
};

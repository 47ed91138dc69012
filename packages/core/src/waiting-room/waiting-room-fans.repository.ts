// Postgres copy of the waiting room (waiting_room_fans): the worker's tick writes new joins and
// issued passes in batches; the rebuild after Redis lost a window reads them back.
import type { PrismaClient } from '@tessera/db/client';
import type { AdmissionPass } from './advance-admission.ts';

export interface MirroredJoin {
  userId: string;
  /** Epoch ms. */
  joinedAt: number;
  /** The fan's order in Redis: 0 = pre-queue, otherwise LATE_BASE + arrival number. */
  order: number;
}

export interface WindowFanRow {
  userId: string;
  joinedAt: number;
  order: number;
  pass: { jti: number; admittedAt: number; expiresAt: number } | null;
}

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * Records joins not seen before. A fan recorded again with a later queue order was sent to the
 * back (away for too long, then back): the new order is kept, unless they were admitted already.
 */
export const saveJoins = async (prisma: PrismaClient, windowId: string, joins: MirroredJoin[]) => {
  if (joins.length === 0) return 0;
  return prisma.$executeRaw`
    INSERT INTO waiting_room_fans (window_id, user_id, joined_at, queue_order)
    SELECT ${windowId}::uuid, u.user_id, u.joined_at, u.queue_order
    FROM unnest(${joins.map((j) => j.userId)}::uuid[],
      ${joins.map((j) => iso(j.joinedAt))}::timestamptz[],
      ${joins.map((j) => j.order)}::bigint[]) AS u(user_id, joined_at, queue_order)
    ON CONFLICT (window_id, user_id) DO UPDATE SET queue_order = EXCLUDED.queue_order
    WHERE waiting_room_fans.admitted_at IS NULL
      AND waiting_room_fans.queue_order < EXCLUDED.queue_order`;
};

/**
 * Records issued passes. A fan admitted before their join was copied gets a row of its own
 * (joined at admission, order unknown: 0); they are never queued again, so the order is unused.
 */
export const savePasses = async (
  prisma: PrismaClient,
  windowId: string,
  passes: AdmissionPass[],
) => {
  if (passes.length === 0) return 0;
  return prisma.$executeRaw`
    INSERT INTO waiting_room_fans (window_id, user_id, joined_at, queue_order, admitted_at,
      admission_expires_at, admission_jti)
    SELECT ${windowId}::uuid, u.user_id, u.admitted_at, 0, u.admitted_at, u.expires_at, u.jti
    FROM unnest(${passes.map((p) => p.userId)}::uuid[],
      ${passes.map((p) => iso(p.admittedAt))}::timestamptz[],
      ${passes.map((p) => iso(p.expiresAt))}::timestamptz[],
      ${passes.map((p) => p.jti)}::int[]) AS u(user_id, admitted_at, expires_at, jti)
    ON CONFLICT (window_id, user_id) DO UPDATE SET admitted_at = EXCLUDED.admitted_at,
      admission_expires_at = EXCLUDED.admission_expires_at, admission_jti = EXCLUDED.admission_jti`;
};

export const readWindowFans = async (
  prisma: PrismaClient,
  windowId: string,
): Promise<WindowFanRow[]> => {
  const rows = await prisma.waitingRoomFan.findMany({ where: { windowId } });
  return rows.map((row) => ({
    userId: row.userId,
    joinedAt: row.joinedAt.getTime(),
    order: Number(row.queueOrder),
    pass:
      row.admittedAt && row.admissionExpiresAt && row.admissionJti !== null
        ? {
            jti: row.admissionJti,
            admittedAt: row.admittedAt.getTime(),
            expiresAt: row.admissionExpiresAt.getTime(),
          }
        : null,
  }));
};

/**
 * userId -> when that fan's latest order for the event was confirmed. Checkout consumes the fan's
 * pass when their order is confirmed, so a pass issued before that moment was used. Read for the
 * whole event (at most one row per buyer) rather than per admitted fan, which could pass more ids
 * than one statement takes.
 */
export const readLastConfirmations = async (
  prisma: PrismaClient,
  eventId: string,
): Promise<Map<string, number>> => {
  const rows = await prisma.order.groupBy({
    by: ['userId'],
    where: { eventId, confirmedAt: { not: null } },
    _max: { confirmedAt: true },
  });
  return new Map(rows.map((row) => [row.userId, row._max.confirmedAt!.getTime()]));
};

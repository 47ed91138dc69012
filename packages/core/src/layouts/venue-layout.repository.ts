// Prisma reads of venue layouts for the designer: the seats as they are, and which of them events
// on the venue still depend on (sold, held, or on a past ticket).
import type { PrismaClient } from '@tessera/db/client';
import type { ExistingSeat } from './plan-layout-change.ts';

export type Tx = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];
type Reader = PrismaClient | Tx;

export const readVenueSeats = async (db: Reader, venueId: string): Promise<ExistingSeat[]> => {
  const seats = await db.seat.findMany({
    where: { venueId },
    orderBy: { id: 'asc' },
    select: {
      id: true,
      label: true,
      x: true,
      y: true,
      section: { select: { code: true } },
      row: { select: { label: true } },
    },
  });
  return seats.map((s) => ({
    id: s.id,
    section: s.section.code,
    row: s.row.label,
    label: s.label,
    x: s.x,
    y: s.y,
  }));
};

export interface SeatInUse {
  seatId: number;
  reason: 'sold' | 'held' | 'sold or held' | 'ticket history';
  eventTitle: string;
}

/** Seats sold or held right now for any event, among `seatIds` or of a whole venue (Postgres's
 * view; Redis may know of newer holds, which retire-seats catches). */
export const findSeatsInUse = async (
  db: Reader,
  { seatIds, venueId, now }: { seatIds?: number[]; venueId?: string; now: Date },
): Promise<SeatInUse[]> => {
  if (seatIds?.length === 0) return [];
  // A whole venue is matched by a join, not by a list of thousands of ids.
  const seatFilter = seatIds ? { seatId: { in: seatIds } } : { seat: { venueId } };
  const [sold, held] = await Promise.all([
    db.orderSeat.findMany({
      where: { ...seatFilter, soldGuard: true },
      select: { seatId: true, event: { select: { title: true } } },
    }),
    db.holdSeat.findMany({
      where: {
        ...seatFilter,
        expiresAt: { gt: now },
        hold: { status: 'ACTIVE', expiresAt: { gt: now } },
      },
      select: { seatId: true, hold: { select: { event: { select: { title: true } } } } },
    }),
  ]);
  return [
    ...sold.map((s) => ({ seatId: s.seatId, reason: 'sold' as const, eventTitle: s.event.title })),
    ...held.map((h) => ({
      seatId: h.seatId,
      reason: 'held' as const,
      eventTitle: h.hold.event.title,
    })),
  ];
};

/** Seats among `seatIds` on any ticket, refunded or cancelled ones included (they cannot go). */
export const findSeatsWithTickets = async (db: Reader, seatIds: number[]): Promise<SeatInUse[]> => {
  if (seatIds.length === 0) return [];
  const rows = await db.orderSeat.findMany({
    where: { seatId: { in: seatIds } },
    distinct: ['seatId'],
    select: { seatId: true, event: { select: { title: true } } },
  });
  return rows.map((r) => ({
    seatId: r.seatId,
    reason: 'ticket history' as const,
    eventTitle: r.event.title,
  }));
};

export const venueEventIds = async (db: Reader, venueId: string) =>
  (await db.event.findMany({ where: { venueId }, select: { id: true } })).map((e) => e.id);

// Postgres reads for the invariant checker: the event, its live sales, duplicate sales and the
// hold mirror's live held seats at a given instant.
import type { PrismaClient } from '@tessera/db/client';

export const readEventHeader = (prisma: PrismaClient, eventId: string) =>
  prisma.event.findUnique({
    where: { id: eventId },
    select: { id: true, title: true, capacity: true, seatCursor: true },
  });

/** Seats with more than one live sale (the unique guard should make this impossible). */
export const readDoubleSoldSeats = async (prisma: PrismaClient, eventId: string) =>
  prisma.$queryRaw<Array<{ seat_id: number; sales: bigint }>>`
    SELECT seat_id, count(*) AS sales FROM order_seats
    WHERE event_id = ${eventId}::uuid AND sold_guard IS TRUE
    GROUP BY seat_id HAVING count(*) > 1 ORDER BY seat_id`;

export const readSoldSeatIds = async (prisma: PrismaClient, eventId: string) =>
  (
    await prisma.orderSeat.findMany({
      where: { eventId, soldGuard: true },
      select: { seatId: true },
      distinct: ['seatId'],
    })
  ).map((row) => row.seatId);

/**
 * seatId -> hold id of the mirror's holds that were live at `at`. An EXPIRED hold whose expiry is
 * after `at` was still live then (expiry only ends a hold once its clock ran out; the sweeper may
 * have got there while this check ran), so it counts like an ACTIVE one.
 */
export const readHeldSeats = async (prisma: PrismaClient, eventId: string, at: Date) => {
  const rows = await prisma.holdSeat.findMany({
    where: { eventId, expiresAt: { gt: at }, hold: { status: { in: ['ACTIVE', 'EXPIRED'] } } },
    select: { seatId: true, holdId: true },
  });
  const held = new Map<number, string[]>();
  for (const { seatId, holdId } of rows) held.set(seatId, [...(held.get(seatId) ?? []), holdId]);
  return held;
};

export const readSeatLabels = async (prisma: PrismaClient, seatIds: number[]) =>
  new Map(
    (
      await prisma.seat.findMany({
        where: { id: { in: seatIds } },
        select: { id: true, label: true, row: { select: { label: true } } },
      })
    ).map((seat) => [seat.id, `${seat.row.label}-${seat.label}`]),
  );

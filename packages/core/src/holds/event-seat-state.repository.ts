// Reads what Redis seat state is rebuilt from: the venue's seats, sold seats and live holds, in
// one repeatable-read snapshot so a sale committing mid-read cannot be half seen.
import type { PrismaClient } from '@tessera/db/client';
import type { LayoutSeat } from './seat-layout.ts';
import type { HeldSeatsState } from './install-event-seat-state.ts';

export interface EventSeatRows {
  stage: { x: number; y: number };
  seats: LayoutSeat[];
  rowSortOrder: Map<number, number>;
  soldSeatIds: number[];
  holds: HeldSeatsState[];
  versionFloor: number;
}

export const readEventSeatRows = async ({
  prisma,
  eventId,
  now,
}: {
  prisma: PrismaClient;
  eventId: string;
  now: Date;
}): Promise<EventSeatRows | null> =>
  prisma.$transaction(
    async (tx) => {
      const event = await tx.event.findUnique({
        where: { id: eventId },
        select: { venueId: true, venue: { select: { stageX: true, stageY: true } } },
      });
      if (!event) return null;
      const seats = await tx.seat.findMany({
        where: { venueId: event.venueId },
        select: { id: true, rowId: true, position: true, priceTierId: true, x: true, y: true },
      });
      const rows = await tx.row.findMany({
        where: { section: { venueId: event.venueId } },
        select: { id: true, sortOrder: true },
      });
      const sold = await tx.orderSeat.findMany({
        where: { eventId, soldGuard: true },
        select: { seatId: true },
      });
      const holds = await tx.hold.findMany({
        where: { eventId, status: 'ACTIVE', expiresAt: { gt: now } },
        select: {
          id: true,
          userId: true,
          createdAt: true,
          expiresAt: true,
          extendedAt: true,
          seats: { where: { expiresAt: { gt: now } }, select: { seatId: true, expiresAt: true } },
        },
      });
      const maxVersion = await tx.hold.aggregate({ where: { eventId }, _max: { version: true } });
      // The reconciliation cursor may be past every hold's version (e.g. a trailing load entry).
      const cursor = await tx.eventSeatCursor.findUnique({ where: { eventId } });
      return {
        stage: { x: event.venue.stageX, y: event.venue.stageY },
        seats: seats.map(({ priceTierId, ...seat }) => ({ ...seat, tierId: priceTierId })),
        rowSortOrder: new Map(rows.map((row) => [row.id, row.sortOrder])),
        soldSeatIds: sold.map((row) => row.seatId),
        holds: holds.map((hold) => ({
          holdId: hold.id,
          userId: hold.userId,
          createdAt: hold.createdAt.getTime(),
          expiresAt: hold.expiresAt.getTime(),
          extended: hold.extendedAt !== null,
          seats: hold.seats.map((s) => ({ seatId: s.seatId, expiresAt: s.expiresAt.getTime() })),
        })),
        versionFloor: Number(
          [maxVersion._max.version ?? 0n, cursor?.appliedVersion ?? 0n].reduce((a, b) =>
            a > b ? a : b,
          ),
        ),
      };
    },
    { isolationLevel: 'RepeatableRead' },
  );

// Postgres access for on-sale windows (admin writes; the fan hot path reads Redis, never this).
import type { Db, PrismaClient } from '@tessera/db/client';

export type OnSaleWindowRow = Db.OnSaleWindow;

export const findOnSaleWindow = ({ prisma, id }: { prisma: PrismaClient; id: string }) =>
  prisma.onSaleWindow.findUnique({ where: { id } });

export const findEventWindows = ({ prisma, eventId }: { prisma: PrismaClient; eventId: string }) =>
  prisma.onSaleWindow.findMany({
    where: { eventId },
    orderBy: [{ startsAt: 'asc' }, { id: 'asc' }],
  });

/** Live (not ended or cancelled) windows of the event that overlap [startsAt, endsAt). */
export const findOverlappingWindows = ({
  prisma,
  eventId,
  startsAt,
  endsAt,
  exceptId,
}: {
  prisma: PrismaClient;
  eventId: string;
  startsAt: Date;
  endsAt: Date;
  exceptId?: string;
}) =>
  prisma.onSaleWindow.findMany({
    where: {
      eventId,
      status: { in: ['SCHEDULED', 'OPEN', 'PAUSED'] },
      startsAt: { lt: endsAt },
      endsAt: { gt: startsAt },
      ...(exceptId && { id: { not: exceptId } }),
    },
    select: { id: true, name: true },
  });

export const findEventForWindows = ({
  prisma,
  eventId,
}: {
  prisma: PrismaClient;
  eventId: string;
}) =>
  prisma.event.findUnique({
    where: { id: eventId },
    select: { id: true, status: true, startsAt: true },
  });

export const insertOnSaleWindow = ({
  prisma,
  data,
}: {
  prisma: PrismaClient;
  data: Db.Prisma.OnSaleWindowUncheckedCreateInput;
}) => prisma.onSaleWindow.create({ data });

/** Updates only while the window is still in `fromStatuses`; null when someone else moved it. */
export const updateOnSaleWindow = async ({
  prisma,
  id,
  fromStatuses,
  data,
}: {
  prisma: PrismaClient;
  id: string;
  fromStatuses: Db.OnSaleStatus[];
  data: Db.Prisma.OnSaleWindowUncheckedUpdateInput;
}) => {
  const { count } = await prisma.onSaleWindow.updateMany({
    where: { id, status: { in: fromStatuses } },
    data,
  });
  return count === 0 ? null : prisma.onSaleWindow.findUniqueOrThrow({ where: { id } });
};

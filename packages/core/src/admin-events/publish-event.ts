// admin.events.publish and admin.events.unpublish. Unpublishing takes the event off sale only
// while nothing is sold or held; a hold that slips in while the status flips puts it back.
import type { AdminEventDetail } from '@tessera/contracts/admin';
import { AppErrorCode } from '@tessera/contracts/errors';
import { AppError } from '../errors/app-error.ts';
import { forgetCachedEvent, type AdminDeps } from './admin-deps.ts';
import { eventNotFound, getAdminEvent } from './admin-event-view.ts';
import { readSaleActivity, type SaleActivity } from './sale-activity.ts';

const cancelledConflict = (action: string) =>
  new AppError(AppErrorCode.CONFLICT, {
    userMessage: `A cancelled event cannot be ${action}.`,
  });

const seats = (n: number) => (n === 1 ? '1 seat is' : `${n} seats are`);

const stillSelling = ({ soldSeats, heldSeats }: SaleActivity) =>
  new AppError(AppErrorCode.CONFLICT, {
    userMessage:
      `This event cannot be unpublished: ${[
        soldSeats > 0 && `${seats(soldSeats)} sold`,
        heldSeats > 0 && `${seats(heldSeats)} held`,
      ]
        .filter(Boolean)
        .join(' and ')}. ` + 'Cancel the event instead to refund every order.',
  });

const readStatus = async (deps: AdminDeps, eventId: string) => {
  const event = await deps.prisma.event.findUnique({
    where: { id: eventId },
    select: { status: true, capacity: true, startsAt: true },
  });
  if (!event) throw eventNotFound();
  return event;
};

export const publishAdminEvent = async ({
  deps,
  eventId,
  now = new Date(),
}: {
  deps: AdminDeps;
  eventId: string;
  now?: Date;
}): Promise<AdminEventDetail> => {
  const event = await readStatus(deps, eventId);
  if (event.status === 'CANCELLED') throw cancelledConflict('published again');
  if (event.status === 'DRAFT') {
    if (event.capacity === 0) {
      throw new AppError(AppErrorCode.CONFLICT, {
        userMessage: 'This event has no seats to sell; choose a venue with seats first.',
      });
    }
    if (event.startsAt <= now) {
      throw new AppError(AppErrorCode.VALIDATION, {
        userMessage: 'This event has already started; move its start time ahead to publish it.',
        fieldErrors: { startsAt: 'Choose a start time in the future.' },
      });
    }
    await deps.prisma.event.updateMany({
      where: { id: eventId, status: 'DRAFT' },
      data: { status: 'PUBLISHED' },
    });
    await forgetCachedEvent(deps, eventId);
  }
  return getAdminEvent({ prisma: deps.prisma, eventId });
};

export const unpublishAdminEvent = async ({
  deps,
  eventId,
}: {
  deps: AdminDeps;
  eventId: string;
}): Promise<AdminEventDetail> => {
  const event = await readStatus(deps, eventId);
  if (event.status === 'CANCELLED') throw cancelledConflict('unpublished');
  if (event.status === 'PUBLISHED') {
    const before = await readSaleActivity(deps, eventId);
    if (before.soldSeats > 0 || before.heldSeats > 0) throw stillSelling(before);
    await deps.prisma.event.updateMany({
      where: { id: eventId, status: 'PUBLISHED' },
      data: { status: 'DRAFT' },
    });
    await forgetCachedEvent(deps, eventId);
    // A hold placed between the check and the flip (a replica's cached sale info) wins.
    const after = await readSaleActivity(deps, eventId);
    if (after.soldSeats > 0 || after.heldSeats > 0) {
      await deps.prisma.event.updateMany({
        where: { id: eventId, status: 'DRAFT' },
        data: { status: 'PUBLISHED' },
      });
      await forgetCachedEvent(deps, eventId);
      throw stillSelling(after);
    }
  }
  return getAdminEvent({ prisma: deps.prisma, eventId });
};

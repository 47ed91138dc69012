// Rules that need the database: the event exists and is not cancelled, the sale ends by the time
// the event starts, a new window starts in the future, and live windows of one event never overlap.
import type { PrismaClient } from '@tessera/db/client';
import type { OnSaleWindowSettings } from '@tessera/contracts/on-sales';
import { AppErrorCode } from '@tessera/contracts/errors';
import { AppError } from '../errors/app-error.ts';
import { findEventForWindows, findOverlappingWindows } from './on-sale-window.repository.ts';

/** Clock skew allowed between the admin's browser and the server for "starts now". */
export const START_SLACK_MS = 60_000;

const invalid = (field: string, message: string) =>
  new AppError(AppErrorCode.VALIDATION, {
    userMessage: message,
    fieldErrors: { [field]: message },
  });

export const checkWindowSchedule = async ({
  prisma,
  eventId,
  window,
  windowId,
  mustStartInFuture,
  now,
}: {
  prisma: PrismaClient;
  eventId: string;
  window: Pick<OnSaleWindowSettings, 'startsAt' | 'endsAt'>;
  windowId?: string;
  mustStartInFuture: boolean;
  now: Date;
}) => {
  const event = await findEventForWindows({ prisma, eventId });
  if (!event)
    throw new AppError(AppErrorCode.NOT_FOUND, { userMessage: 'That event does not exist.' });
  if (event.status === 'CANCELLED')
    throw new AppError(AppErrorCode.CONFLICT, {
      userMessage: 'The event is cancelled; it cannot go on sale.',
    });
  if (mustStartInFuture && window.startsAt.getTime() < now.getTime() - START_SLACK_MS)
    throw invalid('startsAt', 'Start the window now or later, not in the past.');
  if (window.endsAt.getTime() <= now.getTime())
    throw invalid('endsAt', 'The window must end in the future.');
  if (window.endsAt.getTime() > event.startsAt.getTime())
    throw invalid('endsAt', 'The sale must end by the time the event starts.');
  const overlapping = await findOverlappingWindows({
    prisma,
    eventId,
    startsAt: window.startsAt,
    endsAt: window.endsAt,
    exceptId: windowId,
  });
  if (overlapping.length > 0)
    throw invalid(
      'startsAt',
      `This overlaps the window "${overlapping[0]!.name}"; windows of one event cannot overlap.`,
    );
};

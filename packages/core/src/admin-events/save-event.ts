// admin.events.create and admin.events.update: the rules zod cannot see (the venue exists, the
// priced tiers are the venue's, a new start time lies ahead, the venue is fixed once selling
// began) become field errors the form shows beside its inputs.
import type { z } from 'zod';
import type { AdminEventDetail, ZAdminEventInput } from '@tessera/contracts/admin';
import { AppErrorCode } from '@tessera/contracts/errors';
import type { PrismaClient } from '@tessera/db/client';
import { AppError } from '../errors/app-error.ts';
import { eventKeys } from '../holds/keys.ts';
import { forgetCachedEvent, type AdminDeps } from './admin-deps.ts';
import { findVenueForEvent } from './admin-event.repository.ts';
import { eventNotFound, getAdminEvent } from './admin-event-view.ts';

export type AdminEventFields = z.output<typeof ZAdminEventInput>;

const invalid = (fieldErrors: Record<string, string>) =>
  new AppError(AppErrorCode.VALIDATION, {
    userMessage: Object.values(fieldErrors)[0] ?? 'Check the highlighted fields.',
    fieldErrors,
  });

/** The venue's capacity, once the venue and the priced tiers check out. */
const checkVenueAndPrices = async (prisma: PrismaClient, fields: AdminEventFields) => {
  const venue = await findVenueForEvent(prisma, fields.venueId);
  if (!venue) throw invalid({ venueId: 'Choose a venue from the list.' });
  if (venue._count.seats === 0) {
    throw invalid({ venueId: 'This venue has no seats yet; lay out its seats first.' });
  }
  const tiers = new Set(venue.priceTiers.map((t) => t.id));
  const errors: Record<string, string> = {};
  const seen = new Set<number>();
  fields.prices.forEach((price, index) => {
    if (!tiers.has(price.priceTierId)) {
      errors[`prices.${index}.priceTierId`] = 'This price tier is not part of the chosen venue.';
    } else if (seen.has(price.priceTierId)) {
      errors[`prices.${index}.priceTierId`] = 'This tier is priced twice.';
    }
    seen.add(price.priceTierId);
  });
  if (Object.keys(errors).length > 0) throw invalid(errors);
  return venue._count.seats;
};

const assertStartsAhead = (startsAt: string, now: Date) => {
  if (new Date(startsAt) <= now) throw invalid({ startsAt: 'Choose a start time in the future.' });
};

const eventData = (fields: AdminEventFields) => ({
  title: fields.title,
  description: fields.description,
  category: fields.category,
  city: fields.city,
  venueId: fields.venueId,
  startsAt: new Date(fields.startsAt),
  imageUrl: fields.imageUrl,
});

export const createAdminEvent = async ({
  deps,
  fields,
  now = new Date(),
}: {
  deps: AdminDeps;
  fields: AdminEventFields;
  now?: Date;
}): Promise<AdminEventDetail> => {
  assertStartsAhead(fields.startsAt, now);
  const capacity = await checkVenueAndPrices(deps.prisma, fields);
  const event = await deps.prisma.event.create({
    data: {
      ...eventData(fields),
      status: 'DRAFT',
      capacity,
      prices: { create: fields.prices },
    },
    select: { id: true },
  });
  return getAdminEvent({ prisma: deps.prisma, eventId: event.id });
};

/** Whether anything was ever sold, held or loaded for the event (its venue is then fixed). */
const hasSaleHistory = async (deps: AdminDeps, eventId: string) => {
  const [orders, holds, loaded] = await Promise.all([
    deps.prisma.order.count({ where: { eventId } }),
    deps.prisma.hold.count({ where: { eventId } }),
    deps.redis.exists(eventKeys({ prefix: deps.prefix, eventId }).meta),
  ]);
  return orders > 0 || holds > 0 || loaded > 0;
};

export const updateAdminEvent = async ({
  deps,
  eventId,
  fields,
  now = new Date(),
}: {
  deps: AdminDeps;
  eventId: string;
  fields: AdminEventFields;
  now?: Date;
}): Promise<AdminEventDetail> => {
  const { prisma } = deps;
  const current = await prisma.event.findUnique({
    where: { id: eventId },
    select: { status: true, venueId: true, startsAt: true },
  });
  if (!current) throw eventNotFound();
  if (current.status === 'CANCELLED') {
    throw new AppError(AppErrorCode.CONFLICT, {
      userMessage: 'A cancelled event cannot be edited.',
    });
  }
  if (new Date(fields.startsAt).getTime() !== current.startsAt.getTime()) {
    assertStartsAhead(fields.startsAt, now);
  }
  const capacity = await checkVenueAndPrices(prisma, fields);
  const venueChanged = fields.venueId !== current.venueId;
  if (venueChanged && (current.status !== 'DRAFT' || (await hasSaleHistory(deps, eventId)))) {
    throw invalid({
      venueId:
        'The venue can only change while the event is a draft that never sold or held seats.',
    });
  }
  await prisma.$transaction([
    prisma.event.update({
      where: { id: eventId },
      data: { ...eventData(fields), ...(venueChanged && { capacity }) },
    }),
    prisma.eventTierPrice.deleteMany({ where: { eventId } }),
    prisma.eventTierPrice.createMany({
      data: fields.prices.map((price) => ({ ...price, eventId })),
    }),
  ]);
  await forgetCachedEvent(deps, eventId);
  return getAdminEvent({ prisma, eventId });
};

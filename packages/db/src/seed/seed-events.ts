// Upserts the demo events by their deterministic ids, with a price for every tier of the venue
// and their on-sale windows. Dates are relative to `now`, so a re-run moves them forward instead
// of adding copies; seats_sold is left to the sales (seed-sales.ts and real orders).
import type { PrismaClient } from '../client.ts';
import { EventStatus } from '../generated/prisma/enums.ts';
import type { EventPlan } from './event-catalog.ts';
import { dayAt, windowTimes, type WindowPlan } from './on-sale-windows.ts';
import { seedUuid } from './seed-ids.ts';
import { SEED_LOCK, venueIdFor, type Tx } from './seed-venues.ts';

export interface SeedEventsOptions {
  prisma: PrismaClient;
  events: EventPlan[];
  now: Date;
}

/** Rounds to whole euros ending in 0 or 5, like a real price list. */
const priceFor = (defaultPriceCents: number, factor: number) =>
  Math.max(500, Math.round((defaultPriceCents * factor) / 500) * 500);

interface UpsertWindowOptions {
  tx: Tx;
  eventId: string;
  eventKey: string;
  window: WindowPlan;
  now: Date;
  eventStartsAt: Date;
}

const upsertWindow = async ({
  tx,
  eventId,
  eventKey,
  window,
  now,
  eventStartsAt,
}: UpsertWindowOptions) => {
  const id = seedUuid(`window:${eventKey}:${window.key}`);
  const data = {
    name: window.name,
    ...windowTimes({ plan: window, now, eventStartsAt }),
    presaleCode: window.presaleCode ?? null,
    waitingRoomEnabled: window.waitingRoomEnabled,
    admissionRatePerMinute: window.admissionRatePerMinute ?? null,
    shopperSessionSeconds: window.shopperSessionSeconds ?? 600,
    perFanSeatLimit: window.perFanSeatLimit ?? 6,
  };
  await tx.onSaleWindow.upsert({ where: { id }, create: { id, eventId, ...data }, update: data });
};

const seedOne = async ({
  prisma,
  plan,
  now,
}: {
  prisma: PrismaClient;
  plan: EventPlan;
  now: Date;
}) => {
  const venueId = venueIdFor({ key: plan.venueKey });
  const venue = await prisma.venue.findUniqueOrThrow({
    where: { id: venueId },
    select: { city: true, priceTiers: true, _count: { select: { seats: true } } },
  });
  const id = seedUuid(`event:${plan.key}`);
  const capacity = venue._count.seats;
  const startsAt = dayAt(now, plan.inDays, plan.hourUtc);
  const fields = {
    title: plan.title,
    description: plan.description,
    category: plan.category,
    city: venue.city,
    venueId,
    startsAt,
    status: plan.status ?? EventStatus.PUBLISHED,
    capacity,
  };
  await prisma.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${SEED_LOCK})`;
    await tx.event.upsert({ where: { id }, create: { id, ...fields }, update: fields });
    for (const tier of venue.priceTiers) {
      const priceCents = priceFor(tier.defaultPriceCents, plan.priceFactor);
      await tx.eventTierPrice.upsert({
        where: { eventId_priceTierId: { eventId: id, priceTierId: tier.id } },
        create: { eventId: id, priceTierId: tier.id, priceCents },
        update: { priceCents },
      });
    }
    for (const window of plan.windows)
      await upsertWindow({
        tx,
        eventId: id,
        eventKey: plan.key,
        window,
        now,
        eventStartsAt: startsAt,
      });
  });
};

export const seedEvents = async ({ prisma, events, now }: SeedEventsOptions) => {
  for (const plan of events) await seedOne({ prisma, plan, now });
  return events.length;
};

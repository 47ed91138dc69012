// Backs the demo's sold-out and nearly sold-out events with real sales: one CONFIRMED box-office
// order per event whose live order_seats (sold_guard) are what the seat map and Redis load from,
// and `seats_sold` set to their count. Created once; a re-run finds the order and leaves it alone.
import { randomBytes } from 'node:crypto';
import { hash } from '@node-rs/argon2';
import type { PrismaClient } from '../client.ts';
import { OrderStatus, UserRole } from '../generated/prisma/enums.ts';
import type { EventPlan } from './event-catalog.ts';
import { seedUuid } from './seed-ids.ts';
import { SEED_LOCK, venueIdFor, type Tx } from './seed-venues.ts';

export const BOX_OFFICE_EMAIL = 'boxoffice@tessera.dev';

/** The account owning the demo's counter sales; its password is random and never shown. */
const seedBoxOffice = async ({ prisma }: { prisma: PrismaClient }) => {
  const existing = await prisma.user.findUnique({ where: { email: BOX_OFFICE_EMAIL } });
  if (existing) return existing.id;
  const id = seedUuid(`user:${BOX_OFFICE_EMAIL}`);
  const passwordHash = await hash(randomBytes(32).toString('base64url'));
  await prisma.user.upsert({
    where: { email: BOX_OFFICE_EMAIL },
    create: { id, email: BOX_OFFICE_EMAIL, name: 'Box Office', role: UserRole.FAN, passwordHash },
    update: {},
  });
  return id;
};

/** Seats left for fans: `count` seats in the middle of the venue's last row long enough. */
const freeSeatIds = async ({ tx, venueId, count }: { tx: Tx; venueId: string; count: number }) => {
  if (count === 0) return [];
  const [row] = await tx.$queryRaw<Array<{ row_id: number; seats: bigint }>>`
    SELECT row_id, count(*) AS seats FROM seats WHERE venue_id = ${venueId}::uuid
    GROUP BY row_id HAVING count(*) >= ${count} ORDER BY row_id DESC LIMIT 1`;
  if (!row) throw new Error(`No row of venue ${venueId} has ${count} seats to leave free`);
  const first = Math.floor((Number(row.seats) - count) / 2) + 1;
  const seats = await tx.seat.findMany({
    where: { rowId: row.row_id, position: { gte: first, lt: first + count } },
    select: { id: true },
  });
  return seats.map((seat) => seat.id);
};

interface SellOptions {
  tx: Tx;
  plan: EventPlan & { seatsLeft: number };
  userId: string;
}

/**
 * Sells every seat except the free ones, skipping seats already sold or held by fans (a DB seeded
 * before sales were backed may have them), in one INSERT ... SELECT priced from the event's tiers.
 */
const sellEvent = async ({ tx, plan, userId }: SellOptions) => {
  const eventId = seedUuid(`event:${plan.key}`);
  const orderId = seedUuid(`order:box-office:${plan.key}`);
  if (await tx.order.findUnique({ where: { id: orderId }, select: { id: true } })) return;
  const venueId = venueIdFor({ key: plan.venueKey });
  const free = await freeSeatIds({ tx, venueId, count: plan.seatsLeft });
  const confirmedAt = new Date();
  await tx.order.create({
    data: {
      id: orderId,
      userId,
      eventId,
      status: OrderStatus.CONFIRMED,
      totalCents: 0,
      confirmedAt,
    },
  });
  await tx.$executeRaw`
    INSERT INTO order_seats (id, order_id, event_id, seat_id, price_cents, status, sold_guard)
    SELECT gen_random_uuid(), ${orderId}::uuid, ${eventId}::uuid, s.id, p.price_cents, 'SOLD', true
    FROM seats s
    JOIN event_tier_prices p ON p.event_id = ${eventId}::uuid AND p.price_tier_id = s.price_tier_id
    WHERE s.venue_id = ${venueId}::uuid AND s.id <> ALL(${free}::int[])
      AND NOT EXISTS (SELECT 1 FROM order_seats o WHERE o.event_id = ${eventId}::uuid
                      AND o.seat_id = s.id AND o.sold_guard IS TRUE)
      AND NOT EXISTS (SELECT 1 FROM hold_seats h JOIN holds ho ON ho.id = h.hold_id
                      WHERE h.event_id = ${eventId}::uuid AND h.seat_id = s.id
                      AND ho.status = 'ACTIVE' AND h.expires_at > now())`;
  const total = await tx.orderSeat.aggregate({ where: { orderId }, _sum: { priceCents: true } });
  await tx.order.update({
    where: { id: orderId },
    data: { totalCents: total._sum.priceCents ?? 0 },
  });
  const live = await tx.orderSeat.count({ where: { eventId, soldGuard: true } });
  await tx.event.update({ where: { id: eventId }, data: { seatsSold: live } });
};

export const seedSales = async ({
  prisma,
  events,
}: {
  prisma: PrismaClient;
  events: EventPlan[];
}) => {
  const userId = await seedBoxOffice({ prisma });
  const sold = events.filter((plan): plan is SellOptions['plan'] => plan.seatsLeft !== undefined);
  for (const plan of sold) {
    await prisma.$transaction(
      async (tx) => {
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(${SEED_LOCK})`;
        await sellEvent({ tx, plan, userId });
      },
      { timeout: 60_000 },
    );
  }
  return sold.length;
};

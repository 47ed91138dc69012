// Writes venue plans to Postgres. A venue's whole layout goes in one transaction, so a venue that
// exists is complete and a re-run skips it (its seats and tiers keep their ids, which holds and
// orders refer to). To re-draw a seeded layout, delete the venue and its events first.
import type { PrismaClient } from '../client.ts';
import { seedUuid } from './seed-ids.ts';
import { seatCount, type VenuePlan } from './venue-plan.ts';

// 9 parameters per seat: 3,000 seats stay under Postgres's 32,767 bind parameters per statement.
const SEAT_CHUNK = 3_000;

export type Tx = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];

/** Advisory lock key ("TSSEED") serialising concurrent seeds of the same database. */
export const SEED_LOCK = 0x545353454544n;

const venueExists = async (db: Tx, id: string) => (await db.venue.count({ where: { id } })) > 0;

export const venueIdFor = (plan: Pick<VenuePlan, 'key'>) => seedUuid(`venue:${plan.key}`);

const insertLayout = async (tx: Tx, venueId: string, plan: VenuePlan) => {
  const tiers = await tx.priceTier.createManyAndReturn({
    data: plan.tiers.map((t, i) => ({
      venueId,
      code: t.code,
      name: t.name,
      color: t.color,
      defaultPriceCents: t.defaultPriceCents,
      sortOrder: i,
    })),
  });
  const sections = await tx.section.createManyAndReturn({
    data: plan.sections.map((s, i) => ({ venueId, code: s.code, name: s.name, sortOrder: i })),
  });
  const sectionId = new Map(sections.map((s) => [s.code, s.id]));
  const rows = await tx.row.createManyAndReturn({
    data: plan.sections.flatMap((s) =>
      s.rows.map((r, i) => ({
        sectionId: sectionId.get(s.code)!,
        label: r.label,
        sortOrder: i,
        arcRadius: r.arcRadius,
      })),
    ),
  });
  const tierId = new Map(tiers.map((t) => [t.code, t.id]));
  const rowId = new Map(rows.map((r) => [`${r.sectionId}/${r.label}`, r.id]));
  const seats = plan.sections.flatMap((s) =>
    s.rows.flatMap((r) =>
      r.seats.map((seat) => ({
        venueId,
        sectionId: sectionId.get(s.code)!,
        rowId: rowId.get(`${sectionId.get(s.code)}/${r.label}`)!,
        label: seat.label,
        position: seat.position,
        x: seat.x,
        y: seat.y,
        priceTierId: tierId.get(seat.tierCode)!,
        accessible: seat.accessible,
      })),
    ),
  );
  // One INSERT per chunk, one after the other: left to itself Prisma splits a big createMany
  // into statements it sends concurrently on the transaction's single connection.
  for (let i = 0; i < seats.length; i += SEAT_CHUNK) {
    await tx.seat.createMany({ data: seats.slice(i, i + SEAT_CHUNK) });
  }
};

/** Creates each venue that is not there yet; returns seat counts per venue key. */
export const seedVenues = async ({
  prisma,
  plans,
}: {
  prisma: PrismaClient;
  plans: VenuePlan[];
}) => {
  const created: string[] = [];
  for (const plan of plans) {
    const id = venueIdFor(plan);
    if (await venueExists(prisma, id)) continue;
    const inserted = await prisma.$transaction(
      async (tx) => {
        // Two seeds at once (say, parallel test set-ups) must not both insert the same venue.
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(${SEED_LOCK})`;
        if (await venueExists(tx, id)) return false;
        await tx.venue.create({
          data: {
            id,
            name: plan.name,
            city: plan.city,
            address: plan.address,
            width: plan.width,
            height: plan.height,
            stageX: plan.stage.x,
            stageY: plan.stage.y,
          },
        });
        await insertLayout(tx, id, plan);
        return true;
      },
      { timeout: 120_000, maxWait: 10_000 },
    );
    if (inserted) created.push(plan.key);
  }
  return { created, seats: Object.fromEntries(plans.map((p) => [p.key, seatCount(p)])) };
};

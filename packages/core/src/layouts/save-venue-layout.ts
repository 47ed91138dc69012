// admin.venues.saveLayout: a layout document becomes the venue's seats in one Postgres
// transaction. Seats sold, held or ticketed for any event on the venue may not be dropped or moved:
// they are refused from Postgres's view, then retired in each event's Redis state (which also
// knows holds not yet reconciled, and keeps new holds off them while the change commits). After the
// commit every loaded event gets the new layout; after a failure, the old one back.
import type { Redis } from 'ioredis';
import type { PrismaClient } from '@tessera/db/client';
import type { LayoutDocument } from '@tessera/contracts/layouts';
import { AppErrorCode } from '@tessera/contracts/errors';
import { AppError } from '../errors/app-error.ts';
import { layoutInvalid, seatsInUse, staleLayout } from './layout-errors.ts';
import { planLayoutChange } from './plan-layout-change.ts';
import { installVenueLayout, readEncodedVenueLayout, retireSeats } from './relayout.store.ts';
import { checkLayout } from './validate-layout.ts';
import {
  findSeatsInUse,
  findSeatsWithTickets,
  readVenueSeats,
  venueEventIds,
} from './venue-layout.repository.ts';
import { writeLayout } from './write-layout.repository.ts';

export interface SaveVenueLayoutOptions {
  prisma: PrismaClient;
  redis: Redis;
  prefix: string;
  venueId: string;
  /** The version the admin edited; a save over a newer one is refused. */
  expectedLayoutVersion: number;
  document: LayoutDocument;
  details?: { name: string; city: string; address: string };
  /** Drops an event from this process's sale-info cache (seat labels and tiers per event). */
  forgetSaleInfo?: (eventId: string) => void;
}

const venueNotFound = () =>
  new AppError(AppErrorCode.NOT_FOUND, { userMessage: 'This venue does not exist any more.' });

export const saveVenueLayout = async ({
  prisma,
  redis,
  prefix,
  venueId,
  expectedLayoutVersion,
  document,
  details,
  forgetSaleInfo,
}: SaveVenueLayoutOptions) => {
  const check = checkLayout(document);
  if (!check.ok) throw layoutInvalid(check.issues);
  const venue = await prisma.venue.findUnique({
    where: { id: venueId },
    select: { layoutVersion: true },
  });
  if (!venue) throw venueNotFound();
  if (venue.layoutVersion !== expectedLayoutVersion) throw staleLayout(venue.layoutVersion);

  const existing = await readVenueSeats(prisma, venueId);
  const seatsById = new Map(existing.map((s) => [s.id, s]));
  const change = planLayoutChange(existing, check.layout.seats);
  const touched = [...new Set([...change.dropped, ...change.moved].map((s) => s.id))];
  const refuseInUse = async (db: Parameters<typeof findSeatsInUse>[0]) => {
    const inUse = [
      ...(await findSeatsInUse(db, { seatIds: touched, now: new Date() })),
      ...(await findSeatsWithTickets(
        db,
        change.dropped.map((s) => s.id),
      )),
    ];
    if (inUse.length > 0) throw seatsInUse(inUse, seatsById);
  };
  await refuseInUse(prisma);

  const eventIds = await venueEventIds(prisma, venueId);
  const retiredIn: string[] = [];
  // Installs the layout Postgres has now (the new one after a commit, the old one after a refusal).
  const restore = async (ids: string[]) => {
    if (ids.length === 0) return;
    const layout = await readEncodedVenueLayout(prisma, venueId);
    for (const eventId of ids) await installVenueLayout({ redis, prefix, eventId, layout });
  };
  let version: number;
  try {
    if (touched.length > 0)
      for (const eventId of eventIds) {
        retiredIn.push(eventId);
        const taken = await retireSeats({ redis, prefix, eventId, seatIds: touched });
        if (taken.length > 0) {
          const title =
            (await prisma.event.findUnique({ where: { id: eventId }, select: { title: true } }))
              ?.title ?? eventId;
          throw seatsInUse(
            taken.map((seatId) => ({ seatId, reason: 'sold or held', eventTitle: title })),
            seatsById,
          );
        }
      }
    version = await prisma.$transaction(
      async (tx) => {
        const locked = await tx.$queryRaw<Array<{ layout_version: number }>>`
          SELECT layout_version FROM venues WHERE id = ${venueId}::uuid FOR UPDATE`;
        if (!locked[0]) throw venueNotFound();
        if (locked[0].layout_version !== expectedLayoutVersion)
          throw staleLayout(locked[0].layout_version);
        // A sale may have committed since the first look; under the lock nothing else can.
        await refuseInUse(tx);
        return writeLayout({ tx, venueId, doc: document, layout: check.layout, change, details });
      },
      { timeout: 120_000, maxWait: 10_000 },
    );
  } catch (error) {
    await restore(retiredIn);
    throw error;
  }
  await restore(eventIds);
  // This process serves the new seats at once; other API processes refresh on their cache TTL.
  for (const eventId of eventIds) forgetSaleInfo?.(eventId);
  return {
    layoutVersion: version,
    seatCount: check.layout.seats.length,
    added: change.added.length,
    dropped: change.dropped.length,
    moved: change.moved.length,
    kept: change.kept.length,
    issues: check.issues,
  };
};

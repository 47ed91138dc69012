// Loads Tessera's demo data (accounts, venues with seat maps, events, on-sale windows, box-office
// sales). Idempotent: a second run finds venues and sales in place and only refreshes users, events
// and windows.
import type { PrismaClient } from '../client.ts';
import { EVENT_CATALOG } from './event-catalog.ts';
import { seedEvents } from './seed-events.ts';
import { seedSales } from './seed-sales.ts';
import { seedUsers } from './seed-users.ts';
import { seedVenues } from './seed-venues.ts';
import { chapiteauSoleil } from './venues/chapiteau-soleil.ts';
import { halleKobalt } from './venues/halle-kobalt.ts';
import { meridianArena } from './venues/meridian-arena.ts';
import { teatroLumen } from './venues/teatro-lumen.ts';

export const VENUE_PLANS = [meridianArena, teatroLumen, halleKobalt, chapiteauSoleil];

export interface SeedDemoDataOptions {
  prisma: PrismaClient;
  /** The moment event and on-sale dates are relative to. */
  now?: Date;
}

export interface SeedSummary {
  users: number;
  venues: number;
  venuesCreated: number;
  seats: number;
  events: number;
  /** Events backed by box-office sales (sold out or nearly). */
  eventsWithSales: number;
}

export const seedDemoData = async ({
  prisma,
  now = new Date(),
}: SeedDemoDataOptions): Promise<SeedSummary> => {
  const users = await seedUsers({ prisma });
  const venues = await seedVenues({ prisma, plans: VENUE_PLANS });
  const events = await seedEvents({ prisma, events: EVENT_CATALOG, now });
  const eventsWithSales = await seedSales({ prisma, events: EVENT_CATALOG });
  return {
    users,
    venues: VENUE_PLANS.length,
    venuesCreated: venues.created.length,
    seats: Object.values(venues.seats).reduce((a, b) => a + b, 0),
    events,
    eventsWithSales,
  };
};

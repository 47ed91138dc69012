// In-process cache of venue layouts keyed by (venue, layoutVersion): a 12k-seat layout costs ~80 ms
// to read from Postgres but never changes without its version changing, so replicas can keep it.
import type { PrismaClient } from '@tessera/db/client';
import { findVenueLayout } from './event.repository.ts';

/** Layout rows already in the wire shape (seats name their tier `tierId`), so hits do no work. */
const loadLayout = async ({ prisma, venueId }: { prisma: PrismaClient; venueId: string }) => {
  const { sections, rows, seats, tiers } = await findVenueLayout({ prisma, venueId });
  return {
    sections,
    rows,
    tiers,
    seats: seats.map(({ priceTierId, ...seat }) => ({ ...seat, tierId: priceTierId })),
  };
};

type VenueLayoutRows = Awaited<ReturnType<typeof loadLayout>>;

const MAX_CACHED_LAYOUTS = 32;
const cache = new Map<string, Promise<VenueLayoutRows>>();

export interface GetVenueLayoutOptions {
  prisma: PrismaClient;
  venueId: string;
  layoutVersion: number;
}

/** The layout rows of a venue at one version; concurrent callers share one database read. */
export const getVenueLayout = ({
  prisma,
  venueId,
  layoutVersion,
}: GetVenueLayoutOptions): Promise<VenueLayoutRows> => {
  const key = `${venueId}:${layoutVersion}`;
  const hit = cache.get(key);
  if (hit) {
    // Re-insert so the Map's insertion order doubles as least-recently-used order.
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  const loading = loadLayout({ prisma, venueId });
  cache.set(key, loading);
  loading.catch(() => cache.delete(key));
  if (cache.size > MAX_CACHED_LAYOUTS) cache.delete(cache.keys().next().value!);
  return loading;
};

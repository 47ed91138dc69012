// Seat labels and tiers of a venue, cached in-process by (venue, layoutVersion): a venue's seats
// never change without its layout version changing, so the 10k-row read happens once per process.
import type { PrismaClient } from '@tessera/db/client';

export interface VenueSeat {
  seatId: number;
  section: string;
  row: string;
  seat: string;
  label: string;
  /** "F12": how a seat is named in one short sentence. */
  shortLabel: string;
  tierId: number;
  tierName: string;
  defaultPriceCents: number;
}

export interface VenueSeats {
  /** Ascending by id. */
  seatIds: number[];
  seats: Map<number, VenueSeat>;
}

/** Row "F" seat "12" -> "F12"; seat "A1" in row "A" -> "A1"; row "1" seat "3" -> "1-3". */
export const shortSeatLabel = (row: string, seat: string) => {
  if (/\d$/.test(row) && /^\d/.test(seat)) return `${row}-${seat}`;
  return seat.startsWith(row) ? seat : row + seat;
};

const loadVenueSeats = async (prisma: PrismaClient, venueId: string): Promise<VenueSeats> => {
  const rows = await prisma.seat.findMany({
    where: { venueId },
    orderBy: { id: 'asc' },
    select: {
      id: true,
      label: true,
      priceTierId: true,
      row: { select: { label: true } },
      section: { select: { name: true } },
      priceTier: { select: { name: true, defaultPriceCents: true } },
    },
  });
  const seats = new Map<number, VenueSeat>();
  for (const s of rows) {
    seats.set(s.id, {
      seatId: s.id,
      section: s.section.name,
      row: s.row.label,
      seat: s.label,
      label: `${s.section.name}, row ${s.row.label}, seat ${s.label}`,
      shortLabel: shortSeatLabel(s.row.label, s.label),
      tierId: s.priceTierId,
      tierName: s.priceTier.name,
      defaultPriceCents: s.priceTier.defaultPriceCents,
    });
  }
  return { seatIds: rows.map((s) => s.id), seats };
};

const MAX_CACHED_VENUES = 32;
const cache = new Map<string, Promise<VenueSeats>>();

export const getVenueSeats = ({
  prisma,
  venueId,
  layoutVersion,
}: {
  prisma: PrismaClient;
  venueId: string;
  layoutVersion: number;
}): Promise<VenueSeats> => {
  const key = `${venueId}:${layoutVersion}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const loading = loadVenueSeats(prisma, venueId);
  cache.set(key, loading);
  loading.catch(() => cache.delete(key));
  if (cache.size > MAX_CACHED_VENUES) cache.delete(cache.keys().next().value!);
  return loading;
};

// Redis side of a layout change for one event: retire the seats a change drops or moves (refusing
// when one is sold or held), then install the layout Postgres has once the change committed.
import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { PrismaClient } from '@tessera/db/client';
import { DEFAULT_STREAM_MAX_LEN } from '../holds/hold-options.ts';
import { eventKeys, loadTempKeys } from '../holds/keys.ts';
import { encodeSeatLayout, type EncodedSeatLayout } from '../holds/seat-layout.ts';
import { layoutCommands } from './layout-scripts.ts';

export interface EventStore {
  redis: Redis;
  prefix: string;
  eventId: string;
}

// Lua's unpack() has a stack limit of a few thousand values.
const RETIRE_CHUNK = 2_000;
const TEMP_TTL_MS = 10 * 60_000;
const HSET_CHUNK = 2_000;

/** Takes seats out of sale in one event; returns the ids that are sold or held (nothing retired
 * from the chunk that met them; earlier chunks are undone by installing the layout again). */
export const retireSeats = async ({
  redis,
  prefix,
  eventId,
  seatIds,
}: EventStore & { seatIds: number[] }): Promise<number[]> => {
  const k = eventKeys({ prefix, eventId });
  for (let i = 0; i < seatIds.length; i += RETIRE_CHUNK) {
    const chunk = seatIds.slice(i, i + RETIRE_CHUNK);
    const reply = await layoutCommands(redis).tesseraRetireSeats_v1(
      k.meta,
      k.seats,
      k.expiry,
      ...chunk,
    );
    if (Number(reply[0]) < 0) return reply.slice(1).map(Number);
  }
  return [];
};

const flatten = (map: Map<number, string>) => [...map].flatMap(([k, v]) => [String(k), v]);

/** The venue's seats as Postgres has them, encoded for the hold scripts (read once per save). */
export const readEncodedVenueLayout = async (prisma: PrismaClient, venueId: string) => {
  const [venue, seats, rows] = await Promise.all([
    prisma.venue.findUniqueOrThrow({
      where: { id: venueId },
      select: { stageX: true, stageY: true },
    }),
    prisma.seat.findMany({
      where: { venueId },
      select: { id: true, rowId: true, position: true, priceTierId: true, x: true, y: true },
    }),
    prisma.row.findMany({ where: { section: { venueId } }, select: { id: true, sortOrder: true } }),
  ]);
  return encodeSeatLayout({
    seats: seats.map(({ priceTierId, ...s }) => ({ ...s, tierId: priceTierId })),
    stage: { x: venue.stageX, y: venue.stageY },
    rowSortOrder: new Map(rows.map((r) => [r.id, r.sortOrder])),
  });
};

/** Installs a venue layout into one event's Redis state, when the event is loaded there. */
export const installVenueLayout = async ({
  redis,
  prefix,
  eventId,
  layout,
  streamMaxLen = DEFAULT_STREAM_MAX_LEN,
}: EventStore & { layout: EncodedSeatLayout; streamMaxLen?: number }) => {
  const k = eventKeys({ prefix, eventId });
  if ((await redis.hget(k.meta, 'loaded')) !== '1') return { version: null, stillTaken: [] };
  const temp = loadTempKeys({ prefix, eventId, nonce: randomUUID() });
  const pipeline = redis.pipeline();
  for (const [key, map] of [
    [temp.layout, layout.layout],
    [temp.rows, layout.rows],
  ] as const) {
    const flat = flatten(map);
    for (let i = 0; i < flat.length; i += HSET_CHUNK * 2)
      pipeline.hset(key, ...flat.slice(i, i + HSET_CHUNK * 2));
    pipeline.pexpire(key, TEMP_TTL_MS);
  }
  for (let i = 0; i < layout.rank.length; i += HSET_CHUNK)
    pipeline.rpush(temp.rank, ...layout.rank.slice(i, i + HSET_CHUNK));
  pipeline.pexpire(temp.rank, TEMP_TTL_MS);
  const results = await pipeline.exec();
  const failed = results?.find(([error]) => error);
  if (failed) throw failed[0];
  const reply = await layoutCommands(redis).tesseraRelayout_v1(
    k.meta,
    k.seats,
    k.expiry,
    k.layout,
    k.rows,
    k.rank,
    k.stream,
    temp.layout,
    temp.rows,
    temp.rank,
    String(streamMaxLen),
  );
  return { version: Number(reply[0]) || null, stillTaken: reply.slice(1).map(Number) };
};

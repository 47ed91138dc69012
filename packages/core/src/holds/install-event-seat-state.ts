// Writes a built seat state into temp keys, then commits it over the live keys in one script, so
// holds see either no event (EVENT_NOT_LOADED) or the whole of it.
import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { DEFAULT_STREAM_MAX_LEN } from './hold-options.ts';
import { eventKeys, loadTempKeys, LOADED_KEY_NAMES } from './keys.ts';
import { holdCommands } from './lua-scripts.ts';
import type { EncodedSeatLayout } from './seat-layout.ts';

export interface HeldSeatsState {
  holdId: string;
  userId: string;
  createdAt: number;
  expiresAt: number;
  extended: boolean;
  seats: Array<{ seatId: number; expiresAt: number }>;
}

export interface EventSeatState {
  layout: EncodedSeatLayout;
  soldSeatIds: number[];
  /** Live holds only; seats that are also sold are ignored (sold wins). */
  holds: HeldSeatsState[];
  /** Highest version Postgres has reconciled; the new version starts above it. */
  versionFloor: number;
}

export interface InstallEventSeatStateOptions {
  redis: Redis;
  prefix: string;
  eventId: string;
  state: EventSeatState;
  streamMaxLen?: number;
}

// A crashed load leaves temps behind; they vanish on their own after this long.
const TEMP_TTL_MS = 10 * 60_000;
const CHUNK = 1000;

const encodeValues = ({ layout, soldSeatIds, holds }: EventSeatState) => {
  const seats = new Map<string, string>([...layout.layout.keys()].map((id) => [String(id), '0']));
  for (const id of soldSeatIds) seats.set(String(id), 's');
  const expiry: Array<string | number> = [];
  const holdRecords = new Map<string, string>();
  const users = new Map<string, string[]>();
  for (const hold of holds) {
    const own = hold.seats.filter(({ seatId }) => seats.get(String(seatId)) === '0');
    if (own.length === 0) continue;
    for (const { seatId, expiresAt } of own) {
      seats.set(String(seatId), `${expiresAt}:${hold.holdId}`);
      expiry.push(expiresAt, String(seatId));
    }
    const seatCsv = own.map(({ seatId }) => seatId).join(',');
    const record = `h|${hold.expiresAt}|${hold.extended ? 1 : 0}|${hold.createdAt}|${hold.userId}|${seatCsv}`;
    holdRecords.set(hold.holdId, record);
    users.set(hold.userId, [...(users.get(hold.userId) ?? []), hold.holdId]);
  }
  const usersCsv = new Map([...users].map(([user, ids]) => [user, ids.join(',')]));
  return { seats, expiry, holdRecords, users: usersCsv };
};

const flatten = (map: Map<unknown, string>): string[] =>
  [...map].flatMap(([key, value]) => [String(key), value]);

const chunks = <T>(items: T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, i) =>
    items.slice(i * size, (i + 1) * size),
  );

export const installEventSeatState = async ({
  redis,
  prefix,
  eventId,
  state,
  streamMaxLen = DEFAULT_STREAM_MAX_LEN,
}: InstallEventSeatStateOptions): Promise<{ installed: boolean; version: number | null }> => {
  const temp = loadTempKeys({ prefix, eventId, nonce: randomUUID() });
  const values = encodeValues(state);
  const pipeline = redis.pipeline();
  const hashes = {
    seats: values.seats,
    holds: values.holdRecords,
    users: values.users,
    layout: state.layout.layout,
    rows: state.layout.rows,
  } as const;
  for (const [name, map] of Object.entries(hashes)) {
    for (const part of chunks(flatten(map), CHUNK * 2))
      pipeline.hset(temp[name as keyof typeof hashes], ...part);
  }
  for (const part of chunks(values.expiry, CHUNK * 2)) pipeline.zadd(temp.expiry, ...part);
  for (const part of chunks(state.layout.rank, CHUNK)) pipeline.rpush(temp.rank, ...part);
  for (const name of LOADED_KEY_NAMES) pipeline.pexpire(temp[name], TEMP_TTL_MS);
  const results = await pipeline.exec();
  const failed = results?.find(([error]) => error);
  if (failed) throw failed[0];

  const live = eventKeys({ prefix, eventId });
  const reply = await holdCommands(redis).tesseraCommitLoad_v1(
    ...[live.meta, ...LOADED_KEY_NAMES.map((name) => live[name]), live.stream],
    ...LOADED_KEY_NAMES.map((name) => temp[name]),
    String(state.versionFloor),
    String(streamMaxLen),
  );
  const version = Number(reply[0]);
  return { installed: version > 0, version: version > 0 ? version : null };
};

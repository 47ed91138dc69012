// Applies an event's Redis change stream to the Postgres hold mirror, in version order, one
// transaction per batch with the cursor advanced inside it. The cursor row is locked for the
// batch, so concurrent or replayed runs serialise and find their entries already applied.
//
// The cursor names the last applied stream entry. When the stream no longer holds that entry
// (trimmed past it: the mirror fell too far behind; or recreated: Redis restarted empty and the
// event was reloaded), or the next entry is a `load` (Redis state replaced wholesale), the batch
// instead rebuilds the mirror from one consistent Redis snapshot and moves the cursor to it. A
// first run starts at the stream's opening `load` when it is still there (that state came from
// Postgres), and from a snapshot otherwise.
import type { PrismaClient } from '@tessera/db/client';
import type { Redis } from 'ioredis';
import { eventKeys } from '../holds/keys.ts';
import { applyChanges, applySnapshot } from './apply-changes.ts';
import type { ReconcilableChange } from './fold-changes.ts';
import { lockCursor, moveCursor, type Cursor, type Tx } from './hold-mirror.repository.ts';
import { readSeatStateSnapshot } from './seat-state-snapshot.ts';
import { parseStreamEntry, type RawStreamEntry } from './stream-changes.ts';

export interface ReconcileEventOptions {
  prisma: PrismaClient;
  redis: Redis;
  prefix: string;
  eventId: string;
  /** Stream entries per transaction. */
  batchSize?: number;
  /** Stop after this many batches (the next run continues). */
  maxBatches?: number;
  /** Apply nothing newer than this version (a job reconciling a known range). */
  throughVersion?: number;
}

export interface ReconcileResult {
  /** False when the event no longer exists in Postgres. */
  found: boolean;
  applied: number;
  batches: number;
  resynced: boolean;
  /** The cursor after the run. */
  cursor: Cursor | null;
}

interface BatchOutcome {
  cursor: Cursor | null;
  applied: number;
  resynced: boolean;
  more: boolean;
}

const reconcileBatch = async (
  tx: Tx,
  { redis, prefix, eventId, batchSize, throughVersion }: Required<ReconcileEventOptions>,
): Promise<BatchOutcome> => {
  const cursor = await lockCursor(tx, eventId);
  if (!cursor) return { cursor, applied: 0, resynced: false, more: false };
  if (cursor.version >= throughVersion) return { cursor, applied: 0, resynced: false, more: false };
  const keys = eventKeys({ prefix, eventId });
  const start = cursor.streamId === '0-0' ? '-' : cursor.streamId;
  const [[, raw], [, loaded]] = (await redis
    .pipeline()
    .xrange(keys.stream, start, '+', 'COUNT', batchSize + 1)
    .hget(keys.meta, 'loaded')
    .exec()) as [[null, RawStreamEntry[]], [null, string | null]];
  // Not loaded: Redis lost the event; the mirror waits for the reload's `load` entry.
  if (loaded !== '1') return { cursor, applied: 0, resynced: false, more: false };

  const entries = raw.map(parseStreamEntry);
  const rest = entries.slice(1);
  // A first run may start at the stream's opening `load`: that state was read from Postgres.
  const fromStart = cursor.streamId === '0-0' && entries[0]?.type === 'load';
  const continues = fromStart || entries[0]?.id === cursor.streamId;
  if (!continues || rest[0]?.type === 'load') {
    const snapshot = await readSeatStateSnapshot({ redis, prefix, eventId });
    if (!snapshot) return { cursor, applied: 0, resynced: false, more: false };
    await applySnapshot(tx, eventId, snapshot);
    const next = { version: snapshot.version, streamId: snapshot.lastStreamId };
    await moveCursor(tx, { eventId, cursor: next, resynced: true });
    return { cursor: next, applied: 0, resynced: true, more: false };
  }
  const end = rest.findIndex((c) => c.type === 'load' || c.version > throughVersion);
  const batch = (end === -1 ? rest : rest.slice(0, end)) as ReconcilableChange[];
  const last = batch.at(-1) ?? (fromStart ? entries[0]! : undefined);
  if (!last) return { cursor, applied: 0, resynced: false, more: false };
  const unseen = batch.filter((c) => c.version > cursor.version);
  await applyChanges(tx, eventId, unseen);
  const next = { version: last.version, streamId: last.id };
  await moveCursor(tx, { eventId, cursor: next, resynced: false });
  const stoppedAtLoad = end !== -1 && rest[end]!.type === 'load';
  return {
    cursor: next,
    applied: unseen.length,
    resynced: false,
    // Keep going while there is news: under load a job drains continuously instead of waiting
    // for the next tick (maxBatches bounds it; the next tick's job continues).
    more: unseen.length > 0 || stoppedAtLoad,
  };
};

export const reconcileEvent = async (options: ReconcileEventOptions): Promise<ReconcileResult> => {
  const settings = {
    batchSize: 5_000,
    maxBatches: 20,
    throughVersion: Number.MAX_SAFE_INTEGER,
    ...options,
  };
  const result: ReconcileResult = {
    found: true,
    applied: 0,
    batches: 0,
    resynced: false,
    cursor: null,
  };
  while (result.batches < settings.maxBatches) {
    const outcome = await options.prisma.$transaction((tx) => reconcileBatch(tx, settings), {
      timeout: 60_000,
    });
    result.batches += 1;
    result.applied += outcome.applied;
    result.resynced ||= outcome.resynced;
    result.cursor = outcome.cursor;
    if (!outcome.cursor) result.found = false;
    if (!outcome.more) break;
  }
  return result;
};

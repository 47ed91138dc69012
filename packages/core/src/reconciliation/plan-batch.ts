// Decides what the next reconcile step is from the cursor and the event's change stream: nothing,
// a batch of changes to apply, or a rebuild from a snapshot (the stream no longer continues from
// the cursor, or Redis state was replaced by a `load`).
import type { Redis } from 'ioredis';
import { eventKeys } from '../holds/keys.ts';
import type { ReconcilableChange } from './fold-changes.ts';
import type { Cursor } from './hold-mirror.repository.ts';
import { parseStreamEntry, type RawStreamEntry } from '../holds/stream-entry.ts';

export type BatchPlan =
  | { kind: 'idle' }
  | { kind: 'resync' }
  | { kind: 'apply'; changes: ReconcilableChange[]; to: Cursor; more: boolean };

export interface PlanBatchOptions {
  redis: Redis;
  prefix: string;
  eventId: string;
  cursor: Cursor;
  batchSize: number;
  throughVersion: number;
}

export const planBatch = async ({
  redis,
  prefix,
  eventId,
  cursor,
  batchSize,
  throughVersion,
}: PlanBatchOptions): Promise<BatchPlan> => {
  if (cursor.version >= throughVersion) return { kind: 'idle' };
  const keys = eventKeys({ prefix, eventId });
  const start = cursor.streamId === '0-0' ? '-' : cursor.streamId;
  const [[, raw], [, loaded]] = (await redis
    .pipeline()
    .xrange(keys.stream, start, '+', 'COUNT', batchSize + 1)
    .hget(keys.meta, 'loaded')
    .exec()) as [[null, RawStreamEntry[]], [null, string | null]];
  // Not loaded: Redis lost the event; the mirror waits for the reload's `load` entry.
  if (loaded !== '1') return { kind: 'idle' };

  const entries = raw.map(parseStreamEntry);
  const rest = entries.slice(1);
  // A first run may start at the stream's opening `load`: that state was read from Postgres.
  const fromStart = cursor.streamId === '0-0' && entries[0]?.type === 'load';
  const continues = fromStart || entries[0]?.id === cursor.streamId;
  if (!continues || rest[0]?.type === 'load') return { kind: 'resync' };

  const end = rest.findIndex((c) => c.type === 'load' || c.version > throughVersion);
  const batch = (end === -1 ? rest : rest.slice(0, end)) as ReconcilableChange[];
  const last = batch.at(-1) ?? (fromStart ? entries[0]! : undefined);
  if (!last) return { kind: 'idle' };
  const changes = batch.filter((c) => c.version > cursor.version);
  const stoppedAtLoad = end !== -1 && rest[end]!.type === 'load';
  return {
    kind: 'apply',
    changes,
    to: { version: last.version, streamId: last.id },
    // Keep going while there is news: under load a job drains continuously instead of waiting
    // for the next tick (maxBatches bounds it; the next tick's job continues).
    more: changes.length > 0 || stoppedAtLoad,
  };
};

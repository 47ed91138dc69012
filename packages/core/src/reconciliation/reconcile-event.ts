// Applies an event's Redis change stream to the Postgres hold mirror, in version order, one
// statement per batch that also advances the cursor, gated on the cursor not having moved (see
// apply-batch.repository.ts): concurrent or replayed runs serialise on the cursor row and find
// their entries already applied.
//
// The cursor names the last applied stream entry. When the stream no longer holds that entry
// (trimmed past it: the mirror fell too far behind; or recreated: Redis restarted empty and the
// event was reloaded), or the next entry is a `load` (Redis state replaced wholesale), the run
// instead rebuilds the mirror from one consistent Redis snapshot and moves the cursor to it. A
// first run starts at the stream's opening `load` when it is still there (that state came from
// Postgres), and from a snapshot otherwise.
import type { PrismaClient } from '@tessera/db/client';
import type { Redis } from 'ioredis';
import { applySnapshot, splitChanges } from './apply-changes.ts';
import { applyBatch, isForeignKeyViolation, withoutOrphans } from './apply-batch.repository.ts';
import { lockCursor, moveCursor, type Cursor } from './hold-mirror.repository.ts';
import { planBatch } from './plan-batch.ts';
import { readSeatStateSnapshot } from './seat-state-snapshot.ts';

export interface ReconcileEventOptions {
  prisma: PrismaClient;
  redis: Redis;
  prefix: string;
  eventId: string;
  /** Stream entries per batch. */
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

/** The cursor as committed (created for a new event); null when the event is gone. */
const readCursor = (prisma: PrismaClient, eventId: string) => lockCursor(prisma, eventId);

/** Rebuilds the mirror from a Redis snapshot under the cursor lock; null if nothing to rebuild. */
const resync = async ({ prisma, redis, prefix, eventId }: ReconcileEventOptions) =>
  prisma.$transaction(
    async (tx) => {
      if (!(await lockCursor(tx, eventId))) return null;
      const snapshot = await readSeatStateSnapshot({ redis, prefix, eventId });
      if (!snapshot) return null;
      await applySnapshot(tx, eventId, snapshot);
      const next = { version: snapshot.version, streamId: snapshot.lastStreamId };
      await moveCursor(tx, { eventId, cursor: next, resynced: true });
      return next;
    },
    { timeout: 60_000 },
  );

export const reconcileEvent = async (options: ReconcileEventOptions): Promise<ReconcileResult> => {
  const { prisma, eventId, batchSize = 5_000, maxBatches = 20 } = options;
  const throughVersion = options.throughVersion ?? Number.MAX_SAFE_INTEGER;
  const result: ReconcileResult = {
    found: true,
    applied: 0,
    batches: 0,
    resynced: false,
    cursor: null,
  };
  let cursor = await readCursor(prisma, eventId);
  if (!cursor) return { ...result, found: false };
  while (result.batches < maxBatches) {
    result.batches += 1;
    const plan = await planBatch({ ...options, cursor, batchSize, throughVersion });
    if (plan.kind === 'idle') break;
    if (plan.kind === 'resync') {
      const rebuilt = await resync(options);
      result.resynced = rebuilt !== null;
      cursor = rebuilt ?? cursor;
      break;
    }
    const batch = { eventId, from: cursor, to: plan.to, ...splitChanges(plan.changes) };
    let passed: boolean;
    try {
      passed = await applyBatch(prisma, batch);
    } catch (error) {
      if (!isForeignKeyViolation(error)) throw error;
      // Holds of a fan deleted since are skipped, not retried forever.
      passed = await applyBatch(prisma, {
        ...batch,
        created: await withoutOrphans(prisma, batch.created),
      });
    }
    if (passed) {
      cursor = plan.to;
      result.applied += plan.changes.length;
      if (!plan.more) break;
    } else {
      // Another writer moved the cursor first: continue from where it got to.
      const current = await readCursor(prisma, eventId);
      if (!current) return { ...result, found: false, cursor };
      cursor = current;
    }
  }
  return { ...result, cursor };
};

// Turns a batch of stream changes, or a whole snapshot, into writes of the Postgres hold mirror.
import { foldChanges, type ReconcilableChange } from './fold-changes.ts';
import {
  expireHoldsMissingFrom,
  upsertHolds,
  type HoldRow,
  type HoldUpdate,
  type Tx,
} from './hold-mirror.repository.ts';
import type { SeatStateSnapshot } from './seat-state-snapshot.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// Every hold id the API makes is a UUID, and so is every user id; anything else cannot be a row.
const isRowId = (id: string) => UUID.test(id);

/** One row per hold created in the batch, one update per hold created before it. */
export const splitChanges = (changes: ReconcilableChange[]) => {
  const created: HoldRow[] = [];
  const updates: HoldUpdate[] = [];
  for (const m of foldChanges(changes)) {
    if (!isRowId(m.holdId)) continue;
    if (m.created) {
      if (!isRowId(m.created.userId)) continue;
      created.push({
        holdId: m.holdId,
        userId: m.created.userId,
        status: m.status ?? 'ACTIVE',
        createdAt: m.created.createdAt,
        expiresAt: m.expiresAt!,
        extendedAt: m.extendedAt ?? null,
        version: m.version,
        seatIds: m.created.seatIds,
      });
    } else {
      updates.push({
        holdId: m.holdId,
        status: m.status ?? null,
        expiresAt: m.expiresAt ?? null,
        extendedAt: m.extendedAt ?? null,
        version: m.version,
      });
    }
  }
  return { created, updates };
};

/** Makes the mirror equal to the snapshot: its holds as Redis has them, every other one ended. */
export const applySnapshot = async (tx: Tx, eventId: string, snapshot: SeatStateSnapshot) => {
  const holds = snapshot.holds.filter((h) => isRowId(h.holdId) && isRowId(h.userId));
  await upsertHolds(tx, eventId, holds);
  await expireHoldsMissingFrom(tx, {
    eventId,
    liveHoldIds: holds.filter((h) => h.status === 'ACTIVE').map((h) => h.holdId),
    version: snapshot.version,
  });
  return { holds: holds.length };
};

// Set-based writes of the Postgres mirror of Redis holds (holds, hold_seats) and the per-event
// cursor. Every statement takes whole batches through UNNEST; a hold only leaves ACTIVE once and
// a row only moves forward in version, so re-applying a change is a no-op.
import type { Db } from '@tessera/db/client';

export type Tx = Db.Prisma.TransactionClient;

export interface Cursor {
  version: number;
  streamId: string;
}

export interface HoldRow {
  holdId: string;
  userId: string;
  status: 'ACTIVE' | 'RELEASED' | 'EXPIRED' | 'CONVERTED';
  createdAt: number;
  expiresAt: number;
  extendedAt: number | null;
  version: number;
  seatIds: number[];
}

export interface HoldUpdate {
  holdId: string;
  status: HoldRow['status'] | null;
  expiresAt: number | null;
  extendedAt: number | null;
  version: number;
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/**
 * Locks the event's cursor row for this transaction (creating it) and returns it; null if the
 * event is gone. Outside a transaction it simply reads the committed cursor.
 */
export const lockCursor = async (tx: Tx, eventId: string): Promise<Cursor | null> => {
  // One statement: the no-op update takes the row lock and returns the row, new or not.
  const rows = await tx.$queryRaw<Array<{ applied_version: bigint; applied_stream_id: string }>>`
    INSERT INTO event_seat_cursors (event_id, updated_at)
    SELECT id, now() FROM events WHERE id = ${eventId}::uuid
    ON CONFLICT (event_id) DO UPDATE SET event_id = EXCLUDED.event_id
    RETURNING applied_version, applied_stream_id`;
  const row = rows[0];
  return row ? { version: Number(row.applied_version), streamId: row.applied_stream_id } : null;
};

export const moveCursor = async (
  tx: Tx,
  { eventId, cursor, resynced }: { eventId: string; cursor: Cursor; resynced: boolean },
) => {
  await tx.$executeRaw`
    UPDATE event_seat_cursors SET applied_version = ${cursor.version}, applied_stream_id =
      ${cursor.streamId}, updated_at = now(),
      resynced_at = CASE WHEN ${resynced} THEN now() ELSE resynced_at END
    WHERE event_id = ${eventId}::uuid`;
};

/** Inserts new holds (or moves existing ACTIVE ones forward) and their seats. */
export const upsertHolds = async (tx: Tx, eventId: string, rows: HoldRow[]) => {
  if (rows.length === 0) return 0;
  const seats = rows.flatMap((r) => r.seatIds.map((seatId) => ({ holdId: r.holdId, seatId })));
  // One statement: the holds written (new, or moved forward) get their seats in the same pass.
  // Users or seats that no longer exist are skipped rather than failing the whole batch forever.
  return tx.$executeRaw`
    WITH written AS (
      INSERT INTO holds (id, event_id, user_id, status, expires_at, extended_at, version,
        created_at, updated_at)
      SELECT u.id, ${eventId}::uuid, u.user_id, u.status::"HoldStatus", u.expires_at,
        u.extended_at, u.version, u.created_at, now()
      FROM unnest(${rows.map((r) => r.holdId)}::uuid[], ${rows.map((r) => r.userId)}::uuid[],
        ${rows.map((r) => r.status)}::text[], ${rows.map((r) => iso(r.expiresAt))}::timestamptz[],
        ${rows.map((r) => iso(r.extendedAt))}::timestamptz[],
        ${rows.map((r) => r.version)}::bigint[], ${rows.map((r) => iso(r.createdAt))}::timestamptz[])
        AS u(id, user_id, status, expires_at, extended_at, version, created_at)
      JOIN users ON users.id = u.user_id
      ON CONFLICT (id) DO UPDATE SET
        status = CASE WHEN holds.status = 'ACTIVE' THEN EXCLUDED.status ELSE holds.status END,
        expires_at = CASE WHEN holds.status = 'ACTIVE' THEN EXCLUDED.expires_at
          ELSE holds.expires_at END,
        extended_at = COALESCE(holds.extended_at, EXCLUDED.extended_at),
        version = EXCLUDED.version, updated_at = now()
      WHERE holds.version < EXCLUDED.version AND holds.status = 'ACTIVE'
      RETURNING id, expires_at
    )
    INSERT INTO hold_seats (hold_id, seat_id, event_id, expires_at)
    SELECT u.hold_id, u.seat_id, ${eventId}::uuid, written.expires_at
    FROM unnest(${seats.map((s) => s.holdId)}::uuid[], ${seats.map((s) => s.seatId)}::int[])
      AS u(hold_id, seat_id)
    JOIN written ON written.id = u.hold_id
    JOIN seats ON seats.id = u.seat_id
    ON CONFLICT (hold_id, seat_id) DO UPDATE SET expires_at = EXCLUDED.expires_at`;
};

/**
 * Ends the holds still ACTIVE in Postgres that Redis no longer has live (a snapshot rebuild).
 * Their expiry is cut to now, so they never look live later (an EXPIRED hold counts as live
 * until its expiry, see invariants.repository.ts).
 */
export const expireHoldsMissingFrom = async (
  tx: Tx,
  { eventId, liveHoldIds, version }: { eventId: string; liveHoldIds: string[]; version: number },
) =>
  tx.$executeRaw`
    WITH ended AS (
      UPDATE holds SET status = 'EXPIRED', version = GREATEST(version, ${version}),
        expires_at = LEAST(expires_at, now()), updated_at = now()
      WHERE event_id = ${eventId}::uuid AND status = 'ACTIVE'
        AND NOT (id = ANY(${liveHoldIds}::uuid[]))
      RETURNING id, expires_at
    )
    UPDATE hold_seats hs SET expires_at = LEAST(hs.expires_at, ended.expires_at)
    FROM ended WHERE hs.hold_id = ended.id`;

// Applies one folded batch to the hold mirror and advances the cursor in a single statement,
// gated on the cursor still naming the entry the batch follows. The gate's UPDATE locks the
// cursor row, so concurrent writers serialise; a writer that finds the cursor moved (a replayed
// or overtaken job) writes nothing, because every other write joins the gate's row. One statement
// is one round trip and atomic on its own: no interactive transaction on the hot path. Foreign
// keys are the only check that fans and seats exist (a join would cost a scan per batch).
import type { PrismaClient } from '@tessera/db/client';
import type { Cursor, HoldRow, HoldUpdate } from './hold-mirror.repository.ts';

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

export interface ApplyBatchOptions {
  eventId: string;
  from: Cursor;
  to: Cursor;
  created: HoldRow[];
  updates: HoldUpdate[];
}

/** False when the cursor was no longer at `from` (nothing was written). */
export const applyBatch = async (
  prisma: PrismaClient,
  { eventId, from, to, created: c, updates: u }: ApplyBatchOptions,
): Promise<boolean> => {
  const seats = c.flatMap((r) => r.seatIds.map((seatId) => ({ holdId: r.holdId, seatId })));
  const rows = await prisma.$queryRaw<Array<{ passed: bigint }>>`
    WITH gate AS (
      UPDATE event_seat_cursors SET applied_version = ${to.version},
        applied_stream_id = ${to.streamId}, updated_at = now()
      WHERE event_id = ${eventId}::uuid AND applied_stream_id = ${from.streamId}
      RETURNING event_id
    ), written AS (
      INSERT INTO holds (id, event_id, user_id, status, expires_at, extended_at, version,
        created_at, updated_at)
      SELECT n.id, ${eventId}::uuid, n.user_id, n.status::"HoldStatus", n.expires_at,
        n.extended_at, n.version, n.created_at, now()
      FROM unnest(${c.map((r) => r.holdId)}::uuid[], ${c.map((r) => r.userId)}::uuid[],
        ${c.map((r) => r.status)}::text[], ${c.map((r) => iso(r.expiresAt))}::timestamptz[],
        ${c.map((r) => iso(r.extendedAt))}::timestamptz[], ${c.map((r) => r.version)}::bigint[],
        ${c.map((r) => iso(r.createdAt))}::timestamptz[])
        AS n(id, user_id, status, expires_at, extended_at, version, created_at)
      JOIN gate ON true
      ON CONFLICT (id) DO UPDATE SET
        status = CASE WHEN holds.status = 'ACTIVE' THEN EXCLUDED.status ELSE holds.status END,
        expires_at = CASE WHEN holds.status = 'ACTIVE' THEN EXCLUDED.expires_at
          ELSE holds.expires_at END,
        extended_at = COALESCE(holds.extended_at, EXCLUDED.extended_at),
        version = EXCLUDED.version, updated_at = now()
      WHERE holds.version < EXCLUDED.version AND holds.status = 'ACTIVE'
      RETURNING id, expires_at
    ), seated AS (
      INSERT INTO hold_seats (hold_id, seat_id, event_id, expires_at)
      SELECT s.hold_id, s.seat_id, ${eventId}::uuid, written.expires_at
      FROM unnest(${seats.map((s) => s.holdId)}::uuid[], ${seats.map((s) => s.seatId)}::int[])
        AS s(hold_id, seat_id)
      JOIN written ON written.id = s.hold_id
      ON CONFLICT (hold_id, seat_id) DO UPDATE SET expires_at = EXCLUDED.expires_at
      RETURNING 1
    ), changes AS (
      SELECT * FROM unnest(${u.map((x) => x.holdId)}::uuid[], ${u.map((x) => x.status)}::text[],
        ${u.map((x) => iso(x.expiresAt))}::timestamptz[],
        ${u.map((x) => iso(x.extendedAt))}::timestamptz[], ${u.map((x) => x.version)}::bigint[])
        AS x(id, status, expires_at, extended_at, version)
    ), changed AS (
      -- A hold leaves ACTIVE once; its expiry only moves while it is ACTIVE.
      UPDATE holds h SET
        status = CASE WHEN h.status = 'ACTIVE' AND x.status IS NOT NULL
          THEN x.status::"HoldStatus" ELSE h.status END,
        expires_at = CASE WHEN h.status = 'ACTIVE' AND x.expires_at IS NOT NULL
          THEN x.expires_at ELSE h.expires_at END,
        extended_at = COALESCE(h.extended_at, x.extended_at),
        version = x.version, updated_at = now()
      FROM changes x, gate
      WHERE h.id = x.id AND h.event_id = ${eventId}::uuid AND h.version < x.version
      RETURNING h.id, h.expires_at, x.expires_at IS NOT NULL AS moved
    ), reseated AS (
      UPDATE hold_seats hs SET expires_at = changed.expires_at
      FROM changed WHERE hs.hold_id = changed.id AND changed.moved
      RETURNING 1
    )
    SELECT count(*) AS passed FROM gate`;
  return Number(rows[0]?.passed ?? 0n) > 0;
};

/** A foreign key refused a row: a fan (or seat) deleted since the change was made. */
export const isForeignKeyViolation = (error: unknown): boolean => {
  const e = error as {
    code?: string;
    meta?: { driverAdapterError?: { cause?: { originalCode?: string } } };
  };
  return e?.code === 'P2003' || e?.meta?.driverAdapterError?.cause?.originalCode === '23503';
};

/**
 * The created holds whose fan and seats still exist (seats that vanished are left out). The
 * foreign keys stay the guard on the hot path; this lookup only runs after one refused a batch.
 */
export const withoutOrphans = async (prisma: PrismaClient, created: HoldRow[]) => {
  const users = new Set(
    (
      await prisma.user.findMany({
        where: { id: { in: [...new Set(created.map((r) => r.userId))] } },
        select: { id: true },
      })
    ).map((u) => u.id),
  );
  const seats = new Set(
    (
      await prisma.seat.findMany({
        where: { id: { in: [...new Set(created.flatMap((r) => r.seatIds))] } },
        select: { id: true },
      })
    ).map((seat) => seat.id),
  );
  return created
    .filter((r) => users.has(r.userId))
    .map((r) => ({ ...r, seatIds: r.seatIds.filter((id) => seats.has(id)) }));
};

// Request/response of admin.invariants.check (the invariant checker's report, admin screens only).
import { z } from 'zod';

export const ZCheckInvariantsRequest = z
  .object({
    /** Check one event; omitted: every event with seat state. */
    eventId: z.uuid().optional(),
  })
  .optional();

const ZSeatMismatch = z.object({
  seatId: z.number().int(),
  seat: z.string(),
  postgres: z.string(),
  redis: z.string(),
});

const ZInvariantResult = z.object({
  name: z.enum([
    'no-double-sale',
    'sold-not-free-in-redis',
    'within-capacity',
    'sold-seats-agree',
    'held-seats-agree',
  ]),
  ok: z.boolean(),
  detail: z.string(),
  mismatchCount: z.number().int().min(0),
  mismatches: z.array(ZSeatMismatch),
});

export const ZCheckInvariantsResponse = z.object({
  ok: z.boolean(),
  events: z.array(
    z.object({
      eventId: z.string(),
      title: z.string(),
      ok: z.boolean(),
      loadedInRedis: z.boolean(),
      capacity: z.number().int(),
      soldInPostgres: z.number().int(),
      heldInRedis: z.number().int(),
      reconciliationLag: z.number().int().nullable(),
      checkedAt: z.string(),
      checks: z.array(ZInvariantResult),
    }),
  ),
  notFound: z.array(z.string()),
});

// admin.dashboard.onStats: the live sale figures of one event, one message a second.
import { z } from 'zod';
import { ZTierAvailability } from './seats.ts';
import { ZWindowStats } from './waiting-room.ts';

export const ZDashboardStatsRequest = z.object({ eventId: z.uuid('Unknown event.') });
export type DashboardStatsRequest = z.infer<typeof ZDashboardStatsRequest>;

export const ZHoldRates = z.object({
  /** Holds created per second, averaged over the last complete seconds (see windowSeconds). */
  holdsPerSecond: z.number().min(0),
  /** Holds refused because a seat was taken (or no seats were left), per second. */
  conflictsPerSecond: z.number().min(0),
  windowSeconds: z.number().int().positive(),
  /** Since the counters started (the sale), for conversion. */
  holdsTotal: z.number().int().min(0),
  conflictsTotal: z.number().int().min(0),
});
export type HoldRates = z.infer<typeof ZHoldRates>;

export const ZReconciliationLag = z.object({
  /** Seat-state version in Redis (null: the event is not loaded in Redis). */
  headVersion: z.number().int().nullable(),
  /** Version reconciled into Postgres (0 before the first). */
  appliedVersion: z.number().int().min(0),
  /** headVersion - appliedVersion, at least 0 (null when not loaded). */
  versionsBehind: z.number().int().min(0).nullable(),
  /** Age of the oldest change not yet reconciled (null: nothing pending). */
  oldestPendingSeconds: z.number().min(0).nullable(),
});
export type ReconciliationLag = z.infer<typeof ZReconciliationLag>;

export const ZInvariantsSummary = z.object({
  ok: z.boolean(),
  checkedAt: z.string(),
  /** Names of the invariants that failed, with their detail. */
  failures: z.array(z.object({ name: z.string(), detail: z.string() })),
  soldInPostgres: z.number().int().min(0),
  heldInRedis: z.number().int().min(0),
  capacity: z.number().int().min(0),
});
export type InvariantsSummary = z.infer<typeof ZInvariantsSummary>;

export const ZDashboardStats = z.object({
  eventId: z.string(),
  title: z.string(),
  /** Epoch ms on the server when the figures were read. */
  at: z.number().int(),
  /** Waiting-room windows of the event not yet ended (empty: no waiting room running). */
  windows: z.array(ZWindowStats.extend({ name: z.string() })),
  holds: ZHoldRates,
  sales: z.object({
    ordersConfirmed: z.number().int().min(0),
    revenueCents: z.number().int().min(0),
    currency: z.string(),
    /** An on-sale window is open or paused now (with or without a waiting room). */
    onSaleNow: z.boolean(),
    /**
     * Orders confirmed since the hold counters started over holdsTotal (null before the first
     * counted hold); orders from before the counters existed are left out of both sides.
     */
    holdToSaleConversion: z.number().min(0).nullable(),
    /** When revenue and orders were read from Postgres (they are cached a few seconds). */
    readAt: z.number().int(),
  }),
  /** Seats sold, held and left by price tier (null: the event has no seat state in Redis). */
  tiers: z.array(ZTierAvailability).nullable(),
  reconciliation: ZReconciliationLag,
  /** The invariant checker's last periodic result (null: not checked yet). */
  invariants: ZInvariantsSummary.nullable(),
});
export type DashboardStats = z.infer<typeof ZDashboardStats>;

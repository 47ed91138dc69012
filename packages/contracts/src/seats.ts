// Live seat map snapshot (seats.snapshot); deltas with the same codes follow in seats.onChange.
import { z } from 'zod';

/** One character per seat in `statuses`. A seat held by the caller is 'h' and listed in `mine`. */
export const SEAT_STATUS = { AVAILABLE: 'a', HELD: 'h', SOLD: 's' } as const;

export const ZSeatsSnapshotRequest = z.object({ eventId: z.string().uuid('Unknown event.') });

export const ZSeatsSnapshot = z.object({
  eventId: z.string().uuid(),
  /** The event's seat-state version this snapshot reflects; deltas carry later versions. */
  version: z.number().int(),
  /** Every seat of the layout, ascending; `statuses[i]` is the status of `seatIds[i]`. */
  seatIds: z.array(z.number().int()),
  /** 'a' available, 'h' held, 's' sold. */
  statuses: z.string(),
  /** Seats held by the signed-in caller (empty when anonymous). */
  mine: z.array(z.number().int()),
});
export type SeatsSnapshot = z.infer<typeof ZSeatsSnapshot>;

/** seats.onChange input: `lastEventId` is the last version the client applied (SSE resume). */
export const ZSeatsOnChangeRequest = z.object({
  eventId: z.string().uuid('Unknown event.'),
  lastEventId: z.string().max(64).optional(),
});

export const ZSeatStatus = z.enum(['a', 'h', 's']);

/** Changes after `fromVersion` up to `toVersion`: the last status of every seat that changed. */
export const ZSeatsDelta = z.object({
  fromVersion: z.number().int(),
  toVersion: z.number().int(),
  seats: z.array(z.tuple([z.number().int(), ZSeatStatus])),
});
export type SeatsDelta = z.infer<typeof ZSeatsDelta>;

/** One seats.onChange message: a full snapshot (first, or after a gap) or a delta. */
export type SeatsChangeMessage =
  ({ kind: 'snapshot' } & SeatsSnapshot) | ({ kind: 'delta'; eventId: string } & SeatsDelta);

/** seats.onAvailability accepts at most this many events (an event list page). */
export const MAX_AVAILABILITY_EVENTS = 50;

/** seats.onAvailability input: the events whose per-tier counts the caller shows. */
export const ZSeatsOnAvailabilityRequest = z.object({
  eventIds: z
    .array(z.string().uuid('Unknown event.'))
    .min(1, 'Name at least one event.')
    .max(MAX_AVAILABILITY_EVENTS, `At most ${MAX_AVAILABILITY_EVENTS} events at once.`),
});
export type SeatsOnAvailabilityRequest = z.infer<typeof ZSeatsOnAvailabilityRequest>;

/** Seat counts of one price tier; available + held + sold = the tier's seats in the layout. */
export const ZTierAvailability = z.object({
  tierId: z.number().int(),
  name: z.string(),
  available: z.number().int().nonnegative(),
  held: z.number().int().nonnegative(),
  sold: z.number().int().nonnegative(),
});
export type TierAvailability = z.infer<typeof ZTierAvailability>;

/**
 * One seats.onAvailability message: every tier of one event at `version` (tiers ascending by id).
 * Sent once per event on subscribe, then at most about once a second per event while it changes.
 */
export const ZEventAvailability = z.object({
  eventId: z.string().uuid(),
  version: z.number().int(),
  tiers: z.array(ZTierAvailability),
});
export type EventAvailability = z.infer<typeof ZEventAvailability>;

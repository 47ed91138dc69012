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
  lastEventId: z.string().optional(),
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

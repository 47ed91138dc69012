// Seat hold requests/responses (holds.create, holds.release, holds.mine).
import { z } from 'zod';
import { ZIsoDate } from './catalog.ts';
import { ZAdmissionToken } from './waiting-room.ts';

/** Most seats one hold request may name or ask for; the event's per-fan limit may be lower. */
export const MAX_SEATS_PER_REQUEST = 10;

const ZEventId = z.string().uuid('Unknown event.');
/** Optional: a retry with the same key returns the first hold instead of holding again. */
const ZHoldIdempotencyKey = z.string().uuid().optional();
/** The waiting room's admission token (waitingRoom.status / onUpdate), needed while a waiting room runs. */
const ZHoldAdmissionToken = ZAdmissionToken.optional();

export const ZHoldChosenSeatsRequest = z.object({
  eventId: ZEventId,
  seatIds: z
    .array(z.number().int().positive())
    .min(1, 'Pick at least one seat.')
    .max(MAX_SEATS_PER_REQUEST, `Pick at most ${MAX_SEATS_PER_REQUEST} seats.`)
    .refine((ids) => new Set(ids).size === ids.length, 'Each seat may be picked once.'),
  idempotencyKey: ZHoldIdempotencyKey,
  admissionToken: ZHoldAdmissionToken,
});

export const ZHoldBestAvailableRequest = z.object({
  eventId: ZEventId,
  quantity: z.number().int().min(1).max(MAX_SEATS_PER_REQUEST),
  /** Restrict best-available to one price tier (venue price tier id). */
  tierId: z.number().int().positive().optional(),
  idempotencyKey: ZHoldIdempotencyKey,
  admissionToken: ZHoldAdmissionToken,
});

/** Either chosen seats (`seatIds`) or best available (`quantity`, optional `tierId`). */
export const ZCreateHoldRequest = z.union([ZHoldChosenSeatsRequest, ZHoldBestAvailableRequest]);
export type CreateHoldRequest = z.input<typeof ZCreateHoldRequest>;

export const ZHeldSeat = z.object({
  seatId: z.number().int(),
  /** Section name, row label and seat label as printed on the ticket. */
  section: z.string(),
  row: z.string(),
  seat: z.string(),
  /** "Floor, row 3, seat 12". */
  label: z.string(),
  tierId: z.number().int(),
  tierName: z.string(),
  priceCents: z.number().int(),
});
export type HeldSeat = z.infer<typeof ZHeldSeat>;

export const ZHold = z.object({
  id: z.string().uuid(),
  eventId: z.string().uuid(),
  seats: z.array(ZHeldSeat),
  /** When the hold (its earliest seat) lapses; show a countdown to it. */
  expiresAt: ZIsoDate,
  /** True once payment started and the hold was extended (it can be extended only once). */
  extended: z.boolean(),
  totalCents: z.number().int(),
  currency: z.string(),
});
export type Hold = z.infer<typeof ZHold>;

export const ZCreateHoldResponse = ZHold;
export type CreateHoldResponse = z.infer<typeof ZCreateHoldResponse>;

export const ZReleaseHoldRequest = z.object({ holdId: z.string().uuid('Unknown hold.') });
export const ZReleaseHoldResponse = z.object({ holdId: z.string().uuid(), released: z.boolean() });

export const ZMyHoldsRequest = z.object({ eventId: ZEventId.optional() }).optional();
export const ZMyHoldsResponse = z.object({ holds: z.array(ZHold) });
export type MyHoldsResponse = z.infer<typeof ZMyHoldsResponse>;

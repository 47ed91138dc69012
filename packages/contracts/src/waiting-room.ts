// Waiting room (waitingRoom.join / status / onUpdate, admin stats): what a fan sees about their
// place in a window's queue, and the per-window metrics the dashboard shows.
import { z } from 'zod';

export const ZWaitingRoomState = z.enum([
  /** Joined before the start: ordered by the lottery when the window opens. */
  'PRE_QUEUE',
  /** In the queue after the start (or after the lottery); position and ETA apply. */
  'WAITING',
  /** Let in: `admission` carries the token for holds until it expires. */
  'ADMITTED',
  /** The shopper session ended (time ran out, or the order completed and the token was used). */
  'EXPIRED',
  /** Nothing left to sell in this window: fans still waiting are told so. */
  'SOLD_OUT',
  /** An admin paused admissions; places are kept. */
  'PAUSED',
  'ENDED',
  /** This fan has no place in this window (yet). */
  'NOT_JOINED',
]);
export type WaitingRoomState = z.infer<typeof ZWaitingRoomState>;

export const ZWaitingRoomWindowRef = z.object({
  id: z.string(),
  name: z.string(),
  eventId: z.string(),
  /** Epoch milliseconds. */
  startsAt: z.number().int(),
  endsAt: z.number().int(),
  preQueueOpensAt: z.number().int().nullable(),
});
export type WaitingRoomWindowRef = z.infer<typeof ZWaitingRoomWindowRef>;

/** Seconds from now, as a range (the live admission rate and abandonment widen or narrow it). */
export const ZEtaRange = z.object({ min: z.number().int().min(0), max: z.number().int().min(0) });
export type EtaRange = z.infer<typeof ZEtaRange>;

export const ZAdmission = z.object({
  /** Compact signed token (`<base64url claims>.<base64url HMAC>`); send it with holds.create. */
  token: z.string(),
  /** Epoch ms when the shopper session (and the token) ends. */
  expiresAt: z.number().int(),
});
export type Admission = z.infer<typeof ZAdmission>;

/** What waitingRoom.join returns: the fan's place (the same place on every join). */
export const ZQueuePlace = z.object({
  windowId: z.string(),
  state: z.enum(['PRE_QUEUE', 'WAITING', 'ADMITTED', 'EXPIRED', 'SOLD_OUT', 'PAUSED', 'ENDED']),
  /** False when this call found the fan already in the room (rejoin). */
  joinedNow: z.boolean(),
  /** Epoch ms of the first join. */
  joinedAt: z.number().int(),
});
export type QueuePlace = z.infer<typeof ZQueuePlace>;

export const ZQueueStatus = z.object({
  state: ZWaitingRoomState,
  /** 1-based place among fans still waiting (null before the lottery or once admitted). */
  position: z.number().int().min(1).nullable(),
  /** Fans ahead of this one (null when position is null). */
  ahead: z.number().int().min(0).nullable(),
  /** Fans waiting in total (pre-queue size before the lottery). */
  total: z.number().int().min(0),
  etaSeconds: ZEtaRange.nullable(),
  admission: ZAdmission.nullable(),
  /** sha256(seed) hex, published when the pre-queue opens. */
  lotteryCommitment: z.string().nullable(),
  /** The seed (hex), revealed once the lottery has ordered the pre-queue. */
  lotterySeed: z.string().nullable(),
  /** The fan was skipped as away and will be let in first at the next step (returned in time). */
  returned: z.boolean(),
  window: ZWaitingRoomWindowRef,
  /** Epoch ms by Redis time when this status was read (clients count down from it). */
  serverNow: z.number().int(),
});
export type QueueStatus = z.infer<typeof ZQueueStatus>;

export const ZWindowStats = z.object({
  windowId: z.string(),
  status: z.enum(['SCHEDULED', 'OPEN', 'PAUSED', 'ENDED', 'CANCELLED']),
  queueLength: z.number().int().min(0),
  preQueueSize: z.number().int().min(0),
  /** Fans skipped as away who have not come back. */
  away: z.number().int().min(0),
  admittedTotal: z.number().int().min(0),
  /** Over the last full minute plus the current one, per minute. */
  admittedPerMinute: z.number().min(0),
  activeShoppers: z.number().int().min(0),
  /** Admitted fans whose session ran out without completing an order. */
  abandoned: z.number().int().min(0),
  /** abandoned / admitted (0 when nobody was admitted). */
  abandonmentRatio: z.number().min(0).max(1),
  consumed: z.number().int().min(0),
  waitP50Seconds: z.number().min(0).nullable(),
  waitP95Seconds: z.number().min(0).nullable(),
  /** |predicted - actual| wait at admission, for fans who had an ETA. */
  etaErrorP50Seconds: z.number().min(0).nullable(),
  etaErrorP95Seconds: z.number().min(0).nullable(),
  soldOut: z.boolean(),
});
export type WindowStats = z.infer<typeof ZWindowStats>;

/** The claims an admission token carries (signed with HMAC-SHA256). */
export const ZAdmissionClaims = z.object({
  userId: z.string().min(1),
  eventId: z.string().min(1),
  windowId: z.string().min(1),
  /** Epoch ms. */
  expiresAt: z.number().int().positive(),
  /** Unique per admission within the window; a consumed jti is refused by the hold scripts. */
  jti: z.string().min(1),
});
export type AdmissionClaims = z.infer<typeof ZAdmissionClaims>;

/** Token as clients send it (holds.create's admissionToken); verification happens in core. */
export const ZAdmissionToken = z
  .string()
  .max(1024, 'That admission token is not valid.')
  .regex(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/, 'That admission token is not valid.');

export const ZJoinWaitingRoomRequest = z.object({ eventId: z.string().uuid('Unknown event.') });
export const ZWaitingRoomStatusRequest = ZJoinWaitingRoomRequest;

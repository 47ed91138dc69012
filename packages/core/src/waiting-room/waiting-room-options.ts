// Options the waiting-room functions share. `nowMs` lets tests (and the scheduler) simulate time;
// without it every script reads Redis TIME, so all replicas agree on the clock.
import type { Redis } from 'ioredis';
import type { PrismaClient } from '@tessera/db/client';

export interface WindowStoreOptions {
  redis: Redis;
  /** Key prefix of this deployment (REDIS_PREFIX) or test file; must not contain braces. */
  prefix: string;
  windowId: string;
  /** Simulated time (epoch ms); omitted: Redis TIME. */
  nowMs?: number;
}

export interface WindowAdminOptions {
  prisma: PrismaClient;
  redis: Redis;
  prefix: string;
  windowId: string;
  /** Simulated time (epoch ms) for schedule decisions; omitted: Date.now(). */
  nowMs?: number;
}

/** '' tells a script to use Redis TIME. */
export const nowArg = (nowMs: number | undefined): string =>
  nowMs === undefined ? '' : String(Math.floor(nowMs));

/** A waiting-room window as mirrored in Redis (what the fan-facing API needs to know). */
export interface WaitingRoomWindow {
  windowId: string;
  eventId: string;
  name: string;
  status: 'SCHEDULED' | 'OPEN' | 'PAUSED' | 'ENDED' | 'CANCELLED';
  /** Epoch ms. */
  startsAt: number;
  endsAt: number;
  preQueueOpensAt: number | null;
  perFanSeatLimit: number;
  shopperSessionSeconds: number;
  lotteryCommitment: string | null;
  soldOut: boolean;
}

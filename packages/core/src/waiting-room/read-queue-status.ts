// waitingRoom.status / onUpdate: the fan's state, place, ETA range and (once admitted) a signed
// admission token. One Lua call that also records the fan's last-seen time (keeping them from
// being skipped as away) and brings back a fan who was skipped while away.
import type { QueueStatus } from '@tessera/contracts/waiting-room';
import { AppErrorCode } from '@tessera/contracts/errors';
import { AppError } from '../errors/app-error.ts';
import { signAdmissionToken } from './admission-token.ts';
import { estimateWait } from './estimate-wait.ts';
import { windowKeys } from './keys.ts';
import { windowCommands, windowKeyList } from './lua-scripts.ts';
import { nowArg, type WindowStoreOptions } from './waiting-room-options.ts';

export interface ReadQueueStatusOptions extends WindowStoreOptions {
  userId: string;
  /** ADMISSION_TOKEN_SECRET. */
  tokenSecret: string;
}

/** The status script's JSON reply (see lua/status-12.lua). */
export interface StatusReply {
  now: number;
  cfg: {
    status: 'SCHEDULED' | 'OPEN' | 'PAUSED' | 'ENDED' | 'CANCELLED';
    startsAt: number;
    endsAt: number;
    preQueueOpensAt?: number;
    name?: string;
    eventId: string;
    commitment?: string;
    seed?: string;
    soldOut: boolean;
    lotteryDone: boolean;
    rate?: number;
    maxActive?: number;
    sessionMs?: number;
    admittedTotal: number;
  };
  fan: {
    place: 'none' | 'prequeue' | 'queue' | 'returned' | 'admitted';
    position?: number;
    joinedAt?: number;
    predicted: boolean;
    admission?: { admittedAt: number; expiresAt: number; jti: string; state: 'a' | 'c' | 'x' };
  };
  counts: { prequeue: number; queue: number; returned: number; away: number; active: number };
  stats: { buckets: number[]; skipped: number; abandoned: number; consumed: number };
}

export const callStatusScript = async (
  options: WindowStoreOptions & { userId: string },
): Promise<StatusReply> => {
  const reply = await windowCommands(options.redis).tesseraWrStatus_v1(
    ...windowKeyList(windowKeys(options)),
    options.userId,
    nowArg(options.nowMs),
  );
  if (typeof reply !== 'string') {
    throw new AppError(AppErrorCode.NOT_FOUND, {
      message: `waiting room ${options.windowId} is not published`,
      userMessage: 'This sale has no waiting room.',
    });
  }
  return JSON.parse(reply) as StatusReply;
};

export const readQueueStatus = async (options: ReadQueueStatusOptions): Promise<QueueStatus> => {
  const { windowId, userId } = options;
  const r = await callStatusScript(options);
  const { cfg, fan, counts } = r;
  const preLottery = !cfg.lotteryDone;
  const waiting = counts.queue + counts.returned + (preLottery ? counts.prequeue : 0);
  const base = {
    position: null,
    ahead: null,
    total: fan.place === 'prequeue' ? counts.prequeue : waiting,
    etaSeconds: null,
    admission: null,
    // `|| null`: a missing Redis field must never reach the client as anything but null.
    lotteryCommitment: cfg.commitment || null,
    lotterySeed: cfg.seed || null,
    returned: fan.place === 'returned',
    window: {
      id: windowId,
      name: cfg.name ?? '',
      eventId: cfg.eventId,
      startsAt: cfg.startsAt,
      endsAt: cfg.endsAt,
      preQueueOpensAt: cfg.preQueueOpensAt ?? null,
    },
    serverNow: r.now,
  } satisfies Omit<QueueStatus, 'state'>;

  const ended = cfg.status === 'ENDED' || cfg.status === 'CANCELLED' || r.now >= cfg.endsAt;
  if (fan.place === 'admitted' && fan.admission) {
    const a = fan.admission;
    if (a.state === 'a' && a.expiresAt > r.now && !ended) {
      const token = signAdmissionToken(options.tokenSecret, {
        userId,
        eventId: cfg.eventId,
        windowId,
        expiresAt: a.expiresAt,
        jti: a.jti,
      });
      return { ...base, state: 'ADMITTED', admission: { token, expiresAt: a.expiresAt } };
    }
    return { ...base, state: ended ? 'ENDED' : 'EXPIRED' };
  }
  if (ended) return { ...base, state: 'ENDED' };
  if (fan.place === 'none') return { ...base, state: 'NOT_JOINED' };
  if (cfg.soldOut) return { ...base, state: 'SOLD_OUT' };
  if (fan.place === 'prequeue') return { ...base, state: 'PRE_QUEUE' };

  const position = (fan.position ?? 1) + (preLottery ? counts.prequeue : 0);
  const running = cfg.status === 'OPEN' && r.now >= cfg.startsAt;
  const eta = running
    ? estimateWait({
        ahead: position - 1,
        buckets: r.stats.buckets,
        msIntoMinute: r.now % 60_000,
        ratePerMinute: cfg.rate ?? null,
        maxActive: cfg.maxActive ?? null,
        sessionMs: cfg.sessionMs ?? 600_000,
        admittedTotal: cfg.admittedTotal,
        skipped: r.stats.skipped,
      })
    : null;
  if (eta && !fan.predicted && !preLottery) {
    // The first ETA a fan saw, kept to measure ETA error at admission (advance-12.lua).
    const predictedMs = Math.round(((eta.min + eta.max) / 2) * 1000);
    await options.redis.hsetnx(windowKeys(options).fans, `p:${userId}`, `${r.now}|${predictedMs}`);
  }
  return {
    ...base,
    state: cfg.status === 'PAUSED' ? 'PAUSED' : 'WAITING',
    position,
    ahead: position - 1,
    etaSeconds: eta,
  };
};

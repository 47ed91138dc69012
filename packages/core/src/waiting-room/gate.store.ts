// The event's waiting-room gate (read by the hold scripts) and its consumed-token set.
// Gate field per window not yet ended: 'w:<windowId>' -> 'startsAt|endsAt|status'.
import type { Redis } from 'ioredis';
import { eventGateKeys } from './keys.ts';

export interface GateEntry {
  windowId: string;
  startsAt: number;
  endsAt: number;
  status: 'SCHEDULED' | 'OPEN' | 'PAUSED' | 'ENDED' | 'CANCELLED';
}

interface GateOptions {
  redis: Redis;
  prefix: string;
  eventId: string;
}

/** Writes (or replaces) one window's gate entry; ended and cancelled windows are removed. */
export const writeGateEntry = async ({ entry, ...options }: GateOptions & { entry: GateEntry }) => {
  const { gate } = eventGateKeys(options);
  const field = `w:${entry.windowId}`;
  if (entry.status === 'ENDED' || entry.status === 'CANCELLED') {
    await options.redis.hdel(gate, field);
    return;
  }
  const value = `${Math.floor(entry.startsAt)}|${Math.floor(entry.endsAt)}|${entry.status}`;
  await options.redis.hset(gate, field, value);
};

export const removeGateEntry = async ({
  windowId,
  ...options
}: GateOptions & { windowId: string }) =>
  options.redis.hdel(eventGateKeys(options).gate, `w:${windowId}`);

export const readGate = async (options: GateOptions): Promise<GateEntry[]> => {
  const raw = await options.redis.hgetall(eventGateKeys(options).gate);
  return Object.entries(raw).flatMap(([field, value]) => {
    const match = /^(\d+)\|(\d+)\|([A-Z]+)$/.exec(value);
    if (!field.startsWith('w:') || !match) return [];
    return [
      {
        windowId: field.slice(2),
        startsAt: Number(match[1]),
        endsAt: Number(match[2]),
        status: match[3] as GateEntry['status'],
      },
    ];
  });
};

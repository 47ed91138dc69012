// Cross-checks one event's Redis seat state (formats in core holds/keys.ts): every held seat
// points at a live hold that lists it, every live hold owns its seats, expiries agree, and no
// fan holds more than the limit. Returns the problems found (empty when consistent).
import type { Redis } from 'ioredis';
import { parseHoldRecord } from '@tessera/core/holds/seat-state-codec';
import { eventKeys } from '@tessera/core/holds/keys';

export const seatStateProblems = async ({
  redis,
  prefix,
  eventId,
  perUserSeatLimit,
}: {
  redis: Redis;
  prefix: string;
  eventId: string;
  perUserSeatLimit: number;
}): Promise<string[]> => {
  const k = eventKeys({ prefix, eventId });
  const [seats, holds, expiry] = await Promise.all([
    redis.hgetall(k.seats),
    redis.hgetall(k.holds),
    redis.zrange(k.expiry, 0, -1, 'WITHSCORES'),
  ]);
  const problems: string[] = [];
  const expiryOf = new Map<string, number>();
  for (let i = 0; i < expiry.length; i += 2) expiryOf.set(expiry[i]!, Number(expiry[i + 1]));
  const records = new Map(
    Object.entries(holds).map(([id, raw]) => [id, parseHoldRecord(id, eventId, raw)]),
  );
  for (const [seatId, value] of Object.entries(seats)) {
    if (value === '0' || value === 's') continue;
    const [expiresAt, holdId = ''] = value.split(':');
    const record = records.get(holdId);
    if (!record || record.status !== 'h') problems.push(`seat ${seatId} held by dead ${holdId}`);
    else if (!record.seatIds.includes(Number(seatId)))
      problems.push(`seat ${seatId} not listed by its hold ${holdId}`);
    if (expiryOf.get(seatId) !== Number(expiresAt))
      problems.push(`seat ${seatId} expiry ${expiresAt} vs zset ${expiryOf.get(seatId)}`);
  }
  const seatsPerUser = new Map<string, number>();
  for (const record of records.values()) {
    if (record.status !== 'h') continue;
    for (const seatId of record.seatIds) {
      if (!seats[seatId]?.endsWith(`:${record.holdId}`))
        problems.push(`hold ${record.holdId} lost seat ${seatId} (${seats[seatId]})`);
    }
    seatsPerUser.set(record.userId, (seatsPerUser.get(record.userId) ?? 0) + record.seatIds.length);
  }
  for (const [userId, count] of seatsPerUser) {
    if (count > perUserSeatLimit) problems.push(`user ${userId} holds ${count} seats`);
  }
  return problems;
};

// seats.snapshot: every seat's status at one version, read in one MULTI so they agree.
import type { SeatsSnapshot } from '@tessera/contracts/seats';
import { eventKeys } from '../holds/keys.ts';
import { ensureEventLoaded } from '../holds/load-event-seat-state.ts';
import type { SeatStoreDeps } from './create-hold.ts';

const statusOf = (value: string | undefined, nowMs: number): 'a' | 'h' | 's' => {
  if (value === undefined || value === '0') return 'a';
  if (value === 's') return 's';
  return Number(value.slice(0, value.indexOf(':'))) > nowMs ? 'h' : 'a';
};

export const readSeatsSnapshot = async ({
  eventId,
  userId,
  ...deps
}: SeatStoreDeps & { eventId: string; userId: string | null }): Promise<SeatsSnapshot> => {
  const info = await deps.saleInfo.get(eventId);
  await ensureEventLoaded({ ...deps, eventId });
  const k = eventKeys({ prefix: deps.prefix, eventId });
  const replies = await deps.redis
    .multi()
    .time()
    .hget(k.meta, 'version')
    .hgetall(k.seats)
    .hget(k.users, userId ?? '')
    .exec();
  if (!replies) throw new Error('seats snapshot transaction was aborted');
  for (const [error] of replies) if (error) throw error;
  const [seconds, micros] = replies[0]![1] as [string, string];
  const nowMs = Number(seconds) * 1000 + Math.floor(Number(micros) / 1000);
  const version = Number(replies[1]![1] ?? 0);
  const seats = replies[2]![1] as Record<string, string>;
  const myHolds = new Set(
    userId
      ? String(replies[3]![1] ?? '')
          .split(',')
          .filter(Boolean)
      : [],
  );
  let statuses = '';
  const mine: number[] = [];
  for (const seatId of info.seatIds) {
    const value = seats[seatId];
    const status = statusOf(value, nowMs);
    statuses += status;
    if (status === 'h' && myHolds.has(value!.slice(value!.indexOf(':') + 1))) mine.push(seatId);
  }
  return { eventId, version, seatIds: info.seatIds, statuses, mine };
};

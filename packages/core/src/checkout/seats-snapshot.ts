// seats.snapshot: every seat's status at one version, read in one MULTI so they agree.
import type { SeatsSnapshot } from '@tessera/contracts/seats';
import { eventKeys } from '../holds/keys.ts';
import { ensureEventLoaded } from '../holds/load-event-seat-state.ts';
import { decodeSeatValue, execAtomically, redisTimeMs } from '../holds/seat-state-codec.ts';
import type { SeatStoreDeps } from './create-hold.ts';

const STATUS_CODE = { available: 'a', held: 'h', sold: 's' } as const;

export const readSeatsSnapshot = async ({
  eventId,
  userId,
  ...deps
}: SeatStoreDeps & { eventId: string; userId: string | null }): Promise<SeatsSnapshot> => {
  const info = await deps.saleInfo.get(eventId);
  await ensureEventLoaded({ ...deps, eventId });
  const k = eventKeys({ prefix: deps.prefix, eventId });
  const [time, rawVersion, seats, userHolds] = (await execAtomically(
    deps.redis
      .multi()
      .time()
      .hget(k.meta, 'version')
      .hgetall(k.seats)
      .hget(k.users, userId ?? ''),
  )) as [[string, string], string | null, Record<string, string>, string | null];
  const nowMs = redisTimeMs(time);
  const version = Number(rawVersion ?? 0);
  const myHolds = new Set(userId ? (userHolds ?? '').split(',').filter(Boolean) : []);
  let statuses = '';
  const mine: number[] = [];
  for (const seatId of info.seatIds) {
    const seat = decodeSeatValue(seats[seatId], nowMs);
    statuses += STATUS_CODE[seat.state];
    if (seat.state === 'held' && myHolds.has(seat.holdId)) mine.push(seatId);
  }
  return { eventId, version, seatIds: info.seatIds, statuses, mine };
};

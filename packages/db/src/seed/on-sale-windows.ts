// On-sale window presets for the demo events, as offsets from "now": a window open right now,
// a general sale that opens in a few days, and a presale (with a code) followed by a general sale.
import { OnSaleStatus } from '../generated/prisma/enums.ts';

export interface WindowPlan {
  key: string;
  name: string;
  /** When it opens: hours before now (already open) or a day from now at an hour (UTC). */
  opens: { hoursAgo: number } | { daysFromNow: number; hourUtc: number };
  /** Closes this many days after it opens; by default two hours before the event starts. */
  closesAfterDays?: number;
  presaleCode?: string;
  waitingRoomEnabled: boolean;
  admissionRatePerMinute?: number;
  shopperSessionSeconds?: number;
  perFanSeatLimit?: number;
}

const HOUR = 3_600_000;

export const dayAt = (now: Date, days: number, hourUtc: number, minute = 0) =>
  new Date(
    Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + days, hourUtc, minute),
  );

export const windowTimes = ({
  plan,
  now,
  eventStartsAt,
}: {
  plan: WindowPlan;
  now: Date;
  eventStartsAt: Date;
}) => {
  const startsAt =
    'hoursAgo' in plan.opens
      ? new Date(now.getTime() - plan.opens.hoursAgo * HOUR)
      : dayAt(now, plan.opens.daysFromNow, plan.opens.hourUtc);
  const endsAt =
    plan.closesAfterDays === undefined
      ? new Date(eventStartsAt.getTime() - 2 * HOUR)
      : new Date(startsAt.getTime() + plan.closesAfterDays * 24 * HOUR);
  const status =
    endsAt <= now
      ? OnSaleStatus.ENDED
      : startsAt <= now
        ? OnSaleStatus.OPEN
        : OnSaleStatus.SCHEDULED;
  // Fans may line up half an hour early; the pre-queue is shuffled when the window opens.
  const preQueueOpensAt = plan.waitingRoomEnabled ? new Date(startsAt.getTime() - HOUR / 2) : null;
  return { startsAt, endsAt, status, preQueueOpensAt };
};

/** On sale now; the waiting room still paces arrivals unless `waitingRoom` is false. */
export const openNow = (waitingRoom = true): WindowPlan[] => [
  {
    key: 'general',
    name: 'General sale',
    opens: { hoursAgo: 48 },
    waitingRoomEnabled: waitingRoom,
    admissionRatePerMinute: waitingRoom ? 300 : undefined,
  },
];

/** A general sale opening `daysFromNow` at 10:00 UTC, behind a waiting room. */
export const generalSaleIn = (daysFromNow: number, waitingRoom = true): WindowPlan[] => [
  {
    key: 'general',
    name: 'General sale',
    opens: { daysFromNow, hourUtc: 10 },
    waitingRoomEnabled: waitingRoom,
    admissionRatePerMinute: waitingRoom ? 500 : undefined,
    shopperSessionSeconds: 480,
    perFanSeatLimit: 4,
  },
];

/** A two-day presale for code holders, then the general sale a day after it ends. */
export const presaleThenGeneral = (daysFromNow: number, presaleCode: string): WindowPlan[] => [
  {
    key: 'presale',
    name: 'Fan club presale',
    opens: { daysFromNow, hourUtc: 9 },
    closesAfterDays: 2,
    presaleCode,
    waitingRoomEnabled: true,
    admissionRatePerMinute: 200,
    shopperSessionSeconds: 600,
    perFanSeatLimit: 2,
  },
  ...generalSaleIn(daysFromNow + 3),
];

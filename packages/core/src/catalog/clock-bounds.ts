// How long catalog data read at one instant stays true: lists and pages change by themselves when
// an event starts or an on-sale window opens or ends, with no admin write to invalidate them.

/** While the worker has yet to move a window past a time that has come (it runs on a queue). */
export const PENDING_TRANSITION_TTL_MS = 1000;

/** Milliseconds until the earliest of `moments` after `now`; undefined when none lies ahead. */
export const msUntilFirst = (
  now: Date,
  moments: Array<Date | null | undefined>,
): number | undefined => {
  let first = Infinity;
  for (const moment of moments) {
    const ms = moment ? moment.getTime() - now.getTime() : -1;
    if (ms > 0 && ms < first) first = ms;
  }
  return Number.isFinite(first) ? first : undefined;
};

interface WindowTimes {
  startsAt: Date;
  endsAt: Date;
  preQueueOpensAt: Date | null;
  status: string;
}

/** An event page's on-sale windows: true until the next window time, or briefly while one lags. */
export const windowsTtlMs = (now: Date, windows: WindowTimes[]): number | undefined => {
  const lagging = windows.some(
    (w) =>
      (w.status === 'SCHEDULED' && w.startsAt <= now) ||
      ((w.status === 'OPEN' || w.status === 'PAUSED') && w.endsAt <= now),
  );
  if (lagging) return PENDING_TRANSITION_TTL_MS;
  // Ended and cancelled windows never change again by themselves.
  const live = windows.filter((w) => w.status !== 'ENDED' && w.status !== 'CANCELLED');
  return msUntilFirst(
    now,
    live.flatMap((w) => [w.preQueueOpensAt, w.startsAt, w.endsAt]),
  );
};

// Where each on-sale window sits on the timeline: a shared time range (windows, pre-queues and
// now, padded), each bar and pre-queue as left/width percentages, the now-marker and tick marks.
import type { AdminOnSaleWindow } from '@tessera/contracts/on-sales';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** Tick spacings, smallest first; the first giving at most MAX_TICKS ticks is used. */
const TICK_STEPS = [
  15 * MINUTE,
  30 * MINUTE,
  HOUR,
  3 * HOUR,
  6 * HOUR,
  12 * HOUR,
  DAY,
  2 * DAY,
  7 * DAY,
  30 * DAY,
];
const MAX_TICKS = 6;
/** Space left either side of the earliest and latest moment shown, as a share of the span. */
const PADDING = 0.04;

export interface TimelineBar {
  id: string;
  name: string;
  status: AdminOnSaleWindow['status'];
  presale: boolean;
  waitingRoom: boolean;
  /** Percent of the track from the left edge. */
  left: number;
  width: number;
  /** The pre-queue before the start (waiting room windows with one). */
  preQueue: { left: number; width: number } | null;
}

export interface Timeline {
  startMs: number;
  endMs: number;
  bars: TimelineBar[];
  nowPct: number;
  ticks: { ms: number; pct: number }[];
}

export const pickTickStep = (spanMs: number) =>
  TICK_STEPS.find((step) => spanMs / step <= MAX_TICKS) ?? TICK_STEPS[TICK_STEPS.length - 1]!;

/** Tick spacing aligned to the browser's local midnight for steps of a day or less. */
const alignTick = (ms: number, step: number) => {
  const offset = new Date(ms).getTimezoneOffset() * MINUTE;
  return Math.ceil((ms - offset) / step) * step + offset;
};

export const computeTimeline = (windows: AdminOnSaleWindow[], nowMs: number): Timeline => {
  const moments = [nowMs];
  for (const w of windows) {
    moments.push(Date.parse(w.startsAt), Date.parse(w.endsAt));
    if (w.waitingRoomEnabled && w.preQueueOpensAt) moments.push(Date.parse(w.preQueueOpensAt));
  }
  const earliest = Math.min(...moments);
  const latest = Math.max(...moments, earliest + HOUR);
  const pad = (latest - earliest) * PADDING;
  const startMs = earliest - pad;
  const endMs = latest + pad;
  const span = endMs - startMs;
  const pct = (ms: number) => ((ms - startMs) / span) * 100;
  const bars = [...windows]
    .sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt))
    .map((w): TimelineBar => {
      const start = Date.parse(w.startsAt);
      const end = Date.parse(w.endsAt);
      const opens =
        w.waitingRoomEnabled && w.preQueueOpensAt ? Date.parse(w.preQueueOpensAt) : null;
      return {
        id: w.id,
        name: w.name,
        status: w.status,
        presale: w.presaleCode !== null,
        waitingRoom: w.waitingRoomEnabled,
        left: pct(start),
        width: pct(end) - pct(start),
        preQueue:
          opens !== null && opens < start
            ? { left: pct(opens), width: pct(start) - pct(opens) }
            : null,
      };
    });
  const step = pickTickStep(span);
  const ticks: Timeline['ticks'] = [];
  for (let ms = alignTick(startMs, step); ms <= endMs; ms += step) ticks.push({ ms, pct: pct(ms) });
  return { startMs, endMs, bars, nowPct: pct(nowMs), ticks };
};

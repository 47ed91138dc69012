// ETA as a range, from what the room is actually doing: the measured admission rate (recent and
// over five minutes), capped by the configured pace, and the share of fans skipped as away (an
// away fan ahead of you costs no admission). With no admissions measured yet it falls back to
// the configured pace, or for a cap to one turnover of every slot per shopper session.

export interface WaitEstimateInput {
  /** Fans ahead of this one. */
  ahead: number;
  /** Admitted per minute bucket: [current (partial), previous, ..., five minutes ago]. */
  buckets: number[];
  /** Milliseconds into the current minute. */
  msIntoMinute: number;
  ratePerMinute: number | null;
  maxActive: number | null;
  sessionMs: number;
  admittedTotal: number;
  skipped: number;
}

export interface WaitEstimate {
  min: number;
  max: number;
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

/** Seconds until admission as {min, max}; null when nothing can be said yet. */
export const estimateWait = (input: WaitEstimateInput): WaitEstimate | null => {
  const partial = input.msIntoMinute / 60_000;
  const recent = sum(input.buckets.slice(0, 2)) / (1 + partial);
  const longer = sum(input.buckets.slice(0, 6)) / (5 + partial);
  let low: number;
  let high: number;
  if (recent > 0 || longer > 0) {
    low = Math.min(recent, longer) * 0.85;
    high = Math.max(recent, longer) * 1.15;
    if (low === 0) low = Math.max(recent, longer) * 0.5;
  } else if (input.ratePerMinute) {
    low = input.ratePerMinute * 0.9;
    high = input.ratePerMinute;
  } else if (input.maxActive) {
    low = input.maxActive / Math.max(1, input.sessionMs / 60_000);
    high = low * 3;
  } else {
    return null;
  }
  if (input.ratePerMinute) {
    high = Math.min(high, input.ratePerMinute);
    low = Math.min(low, high);
  }
  const awayShare =
    input.admittedTotal + input.skipped > 0
      ? input.skipped / (input.admittedTotal + input.skipped)
      : 0;
  // This fan needs `ahead` admissions before theirs, plus their own.
  const needed = input.ahead + 1;
  return {
    min: Math.floor(((needed * (1 - awayShare)) / high) * 60),
    max: Math.ceil((needed / low) * 60),
  };
};

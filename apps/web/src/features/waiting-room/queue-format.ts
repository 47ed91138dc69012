// Words and numbers of the queue page: ETA ranges, countdowns and the progress bar.

const minutes = (seconds: number) => Math.max(1, Math.round(seconds / 60));

/** "less than a minute", "about 3 minutes", "4–7 minutes", "about 2 hours". */
export const formatEta = (eta: { min: number; max: number }): string => {
  if (eta.max < 60) return 'less than a minute';
  if (eta.min >= 5_400) {
    const low = Math.round(eta.min / 3600);
    const high = Math.round(eta.max / 3600);
    return low === high ? `about ${low} hours` : `${low}–${high} hours`;
  }
  const low = minutes(eta.min);
  const high = minutes(eta.max);
  if (low === high) return `about ${low} minute${low === 1 ? '' : 's'}`;
  return `${low}–${high} minutes`;
};

/** "2 d 03:04:05", "03:04:05", "04:05" for a countdown; never negative. */
export const formatClock = (ms: number): string => {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const days = Math.floor(total / 86_400);
  const h = Math.floor((total % 86_400) / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  const clock = h > 0 || days > 0 ? `${pad(h)}:${pad(m)}:${pad(s)}` : `${pad(m)}:${pad(s)}`;
  return days > 0 ? `${days} d ${clock}` : clock;
};

/**
 * Share of the way from the fan's first known place to the front (0..1). `firstPosition` is the
 * place when this tab first saw one; a fan who started first is already at the front.
 */
export const queueProgress = (firstPosition: number, position: number): number => {
  if (firstPosition <= 1) return 1;
  const done = (firstPosition - position) / (firstPosition - 1);
  return Math.min(1, Math.max(0, done));
};

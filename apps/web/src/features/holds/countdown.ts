// Countdown text and tone for a hold, and the milestones announced to screen readers.

/** "07:00", "00:59", "00:00": whole seconds rounded up, never negative. */
export const formatCountdown = (remainingMs: number): string => {
  const total = Math.max(0, Math.ceil(remainingMs / 1000));
  const minutes = Math.floor(total / 60);
  const seconds = total % 60;
  return `${String(minutes).padStart(2, '0')}:${String(seconds).padStart(2, '0')}`;
};

export type CountdownTone = 'calm' | 'urgent' | 'expired';

export const countdownTone = (remainingMs: number): CountdownTone =>
  remainingMs <= 0 ? 'expired' : remainingMs < 60_000 ? 'urgent' : 'calm';

/** Seconds left at which a screen reader hears how long remains (once each, on the way down). */
const MILESTONES = [300, 120, 60, 30, 10];

const spoken = (seconds: number) =>
  seconds >= 60 ? `${seconds / 60} minute${seconds === 60 ? '' : 's'}` : `${seconds} seconds`;

/** The announcement due when the countdown moves from `previousMs` to `remainingMs`, if any. */
export const countdownAnnouncement = ({
  previousMs,
  remainingMs,
}: {
  previousMs: number;
  remainingMs: number;
}): string | null => {
  if (previousMs > 0 && remainingMs <= 0)
    return 'Your hold has expired and the seats were released.';
  const crossed = MILESTONES.find((s) => previousMs > s * 1000 && remainingMs <= s * 1000);
  return crossed === undefined ? null : `${spoken(crossed)} left to complete your purchase.`;
};

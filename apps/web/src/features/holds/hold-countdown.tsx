// The mm:ss timer of a hold: amber under a minute, with milestones announced to screen readers.
import { countdownTone, formatCountdown } from './countdown.ts';
import { useCountdown } from './use-countdown.ts';

const TONE = {
  calm: 'bg-emerald-50 text-emerald-900 ring-emerald-200',
  urgent: 'bg-amber-50 text-amber-900 ring-amber-300',
  expired: 'bg-slate-100 text-slate-700 ring-slate-300',
};

export const HoldCountdown = ({
  expiresAt,
  onExpired,
}: {
  expiresAt: string;
  onExpired?: () => void;
}) => {
  const { remainingMs, announcement } = useCountdown(expiresAt, onExpired);
  const tone = countdownTone(remainingMs);
  return (
    <div
      className={`flex items-center justify-between gap-3 rounded-lg px-3 py-2 ring-1 ${TONE[tone]}`}
      data-testid="hold-countdown"
      data-tone={tone}
    >
      <span className="text-sm font-medium">
        {tone === 'expired' ? 'Hold expired' : 'Seats held for'}
      </span>
      <span role="timer" className="font-mono text-xl font-bold tabular-nums">
        {formatCountdown(remainingMs)}
      </span>
      <span className="sr-only" aria-live="polite" aria-atomic="true">
        {announcement}
      </span>
    </div>
  );
};

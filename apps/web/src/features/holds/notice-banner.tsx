// The latest outcome of a seat action (hold made, seat taken, limit reached), read out politely.
import type { Notice } from './use-seat-purchase.ts';

const TONE = {
  info: 'border-slate-200 bg-slate-50 text-slate-800',
  success: 'border-emerald-200 bg-emerald-50 text-emerald-900',
  error: 'border-red-200 bg-red-50 text-red-900',
};

export const NoticeBanner = ({
  notice,
  onDismiss,
}: {
  notice: Notice | null;
  onDismiss: () => void;
}) => (
  // The live region stays mounted (so changes are announced) but takes no room while empty.
  <div
    aria-live="polite"
    aria-atomic="true"
    data-testid="hold-notice"
    className={notice ? '' : '-mb-6'}
  >
    {notice && (
      <div
        className={`flex items-start gap-3 rounded-lg border px-3 py-2 text-sm ${TONE[notice.tone]}`}
        data-tone={notice.tone}
      >
        <p className="flex-1">{notice.text}</p>
        <button
          type="button"
          onClick={onDismiss}
          aria-label="Dismiss message"
          className="rounded px-1 opacity-70 hover:opacity-100"
        >
          ✕
        </button>
      </div>
    )}
  </div>
);

// The event's on-sale windows: when each opens and closes, its status, and whether it needs a code.
import type { EventDetail } from '@tessera/contracts/catalog';
import { formatEventDate } from '../../lib/format.ts';

type Window = EventDetail['onSales'][number];

const STATUS: Record<Window['status'], { label: string; className: string }> = {
  SCHEDULED: { label: 'Upcoming', className: 'bg-sky-50 text-sky-800 ring-sky-200' },
  OPEN: { label: 'On sale now', className: 'bg-emerald-50 text-emerald-800 ring-emerald-200' },
  PAUSED: { label: 'Paused', className: 'bg-amber-50 text-amber-900 ring-amber-200' },
  ENDED: { label: 'Ended', className: 'bg-slate-100 text-slate-700 ring-slate-200' },
  CANCELLED: { label: 'Cancelled', className: 'bg-red-50 text-red-800 ring-red-200' },
};

const Badge = ({ className, children }: { className: string; children: string }) => (
  <span className={`rounded-full px-2 py-0.5 text-xs font-semibold ring-1 ring-inset ${className}`}>
    {children}
  </span>
);

export const OnSaleWindows = ({ windows }: { windows: Window[] }) => {
  if (windows.length === 0)
    return <p className="text-sm text-slate-600">No sale dates announced yet.</p>;
  return (
    <ol className="space-y-3">
      {windows.map((w) => (
        <li key={w.id} className="rounded-lg border border-slate-200 p-3">
          <div className="flex flex-wrap items-center gap-2">
            <span className="font-semibold text-slate-900">{w.name}</span>
            <Badge className={STATUS[w.status].className}>{STATUS[w.status].label}</Badge>
            {w.requiresPresaleCode && (
              <Badge className="bg-violet-50 text-violet-800 ring-violet-200">
                Presale code required
              </Badge>
            )}
            {w.waitingRoomEnabled && (
              <Badge className="bg-slate-50 text-slate-700 ring-slate-200">Waiting room</Badge>
            )}
          </div>
          <p className="mt-1.5 text-sm text-slate-700">
            <time dateTime={w.startsAt}>{formatEventDate(w.startsAt)}</time> –{' '}
            <time dateTime={w.endsAt}>{formatEventDate(w.endsAt)}</time>
          </p>
          <p className="mt-0.5 text-xs text-slate-600">Up to {w.perFanSeatLimit} seats per fan</p>
        </li>
      ))}
    </ol>
  );
};

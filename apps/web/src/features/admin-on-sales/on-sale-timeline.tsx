// The event's windows as horizontal bars over time: status colour, presale vs general sale,
// the pre-queue as a hatched lead-in, a now-marker, and the time axis in the browser's zone.
import type { AdminOnSaleWindow, OnSaleStatus } from '@tessera/contracts/on-sales';
import { useEffect, useState } from 'react';
import { computeTimeline, pickTickStep } from './timeline-geometry.ts';
import { STATUS_BAR, STATUS_LABEL } from './window-status.tsx';

const DAY = 86_400_000;
const HATCH =
  'bg-[repeating-linear-gradient(135deg,var(--color-slate-300)_0_4px,transparent_4px_8px)]';

const useNow = (everyMs: number) => {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
};

const tickLabel = (ms: number, stepMs: number) =>
  new Intl.DateTimeFormat(undefined, {
    ...(stepMs >= DAY
      ? { day: 'numeric', month: 'short' }
      : { hour: '2-digit', minute: '2-digit' }),
  }).format(ms);

const LEGEND: OnSaleStatus[] = ['SCHEDULED', 'OPEN', 'PAUSED', 'ENDED', 'CANCELLED'];

export const OnSaleTimeline = ({ windows }: { windows: AdminOnSaleWindow[] }) => {
  const now = useNow(30_000);
  const timeline = computeTimeline(windows, now);
  const step = pickTickStep(timeline.endMs - timeline.startMs);
  return (
    <figure
      aria-label="On-sale timeline"
      data-testid="on-sale-timeline"
      className="rounded-2xl border border-slate-200 bg-white p-4 shadow-sm"
    >
      <div className="relative">
        <div className="relative h-6 border-b border-slate-200 text-xs text-slate-500">
          {timeline.ticks.map((tick) => (
            <span
              key={tick.ms}
              className="absolute top-0 -translate-x-1/2 whitespace-nowrap"
              style={{ left: `${tick.pct}%` }}
            >
              {tickLabel(tick.ms, step)}
            </span>
          ))}
        </div>
        <ol className="space-y-3 py-3">
          {timeline.bars.map((bar) => (
            <li key={bar.id} data-testid="timeline-bar" data-status={bar.status}>
              <p className="mb-1 flex flex-wrap items-center gap-x-2 text-xs text-slate-700">
                <span className="font-semibold text-slate-900">{bar.name}</span>
                <span className={bar.presale ? 'font-semibold text-fuchsia-800' : ''}>
                  {bar.presale ? 'Presale (code needed)' : 'Public'}
                </span>
                <span>· {STATUS_LABEL[bar.status]}</span>
                {bar.waitingRoom && <span>· waiting room</span>}
              </p>
              <div className="relative h-5 rounded bg-slate-50">
                {bar.preQueue && (
                  <div
                    title="Pre-queue open"
                    className={`absolute inset-y-1 rounded-l ${HATCH}`}
                    style={{ left: `${bar.preQueue.left}%`, width: `${bar.preQueue.width}%` }}
                  />
                )}
                <div
                  className={`absolute inset-y-0 min-w-1 rounded ${STATUS_BAR[bar.status]} ${
                    bar.presale ? 'ring-2 ring-fuchsia-600 ring-offset-1' : ''
                  }`}
                  style={{ left: `${bar.left}%`, width: `${bar.width}%` }}
                />
              </div>
            </li>
          ))}
        </ol>
        <div
          aria-hidden="true"
          data-testid="timeline-now"
          className="pointer-events-none absolute inset-y-0 w-0.5 bg-red-500"
          style={{ left: `${timeline.nowPct}%` }}
        >
          <span className="absolute top-full -translate-x-1/2 rounded bg-red-500 px-1 text-[10px] font-semibold text-white">
            now
          </span>
        </div>
      </div>
      <figcaption className="mt-6 flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-600">
        {LEGEND.map((status) => (
          <span key={status} className="inline-flex items-center gap-1.5">
            <span className={`h-2.5 w-4 rounded-sm ${STATUS_BAR[status]}`} /> {STATUS_LABEL[status]}
          </span>
        ))}
        <span className="inline-flex items-center gap-1.5">
          <span className="h-2.5 w-4 rounded-sm bg-slate-200 ring-2 ring-fuchsia-600" /> Presale
        </span>
        <span className="inline-flex items-center gap-1.5">
          <span className={`h-2.5 w-4 rounded-sm ${HATCH}`} /> Pre-queue
        </span>
      </figcaption>
    </figure>
  );
};

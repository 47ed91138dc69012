// What the event page shows around a waiting-room sale: the way into the queue for fans not yet
// admitted, and the shopper-session countdown for fans who were let in.
import type { Admission } from '@tessera/contracts/waiting-room';
import type { EventDetail } from '@tessera/contracts/catalog';
import { Link } from 'react-router-dom';
import { buttonClasses } from '../../components/button.tsx';
import { formatEventDate } from '../../lib/format.ts';
import { formatClock } from './queue-format.ts';
import { useMsUntil } from './use-clock.ts';

type SaleWindow = EventDetail['onSales'][number];

/** The current or next window that runs a waiting room, if any. */
export const findWaitingRoomWindow = (windows: SaleWindow[]): SaleWindow | undefined =>
  windows.find(
    (w) =>
      w.waitingRoomEnabled &&
      (w.status === 'OPEN' || w.status === 'PAUSED' || w.status === 'SCHEDULED'),
  );

export const QueueCallout = ({
  eventId,
  saleWindow,
}: {
  eventId: string;
  saleWindow: SaleWindow;
}) => {
  const live = saleWindow.status !== 'SCHEDULED';
  const opensAt = saleWindow.preQueueOpensAt ?? saleWindow.startsAt;
  return (
    <section
      aria-labelledby="queue-callout-heading"
      className="rounded-2xl border border-indigo-200 bg-indigo-50 p-5 sm:p-6"
      data-testid="queue-callout"
    >
      <h2 id="queue-callout-heading" className="text-lg font-semibold text-indigo-950">
        {live
          ? `${saleWindow.name} is on: join the waiting room`
          : `${saleWindow.name} uses a waiting room`}
      </h2>
      <p className="mt-2 text-sm text-indigo-900">
        {live
          ? 'Fans are let in a few at a time so everyone gets a fair chance. Join the queue to get your turn at the seat map.'
          : `The queue opens ${formatEventDate(opensAt)}. Everyone who joins before the sale starts gets a random place by a fair, verifiable draw.`}
      </p>
      <Link to={`/events/${eventId}/queue`} className={buttonClasses('primary', 'mt-4')}>
        {live ? 'Join the queue' : 'Go to the waiting room'}
      </Link>
    </section>
  );
};

export const ShopperSessionBanner = ({ admission }: { admission: Admission }) => {
  const left = useMsUntil(admission.expiresAt) ?? 0;
  const urgent = left < 60_000;
  return (
    <div
      className={`flex flex-wrap items-center justify-between gap-3 rounded-xl px-4 py-3 ring-1 ${
        urgent
          ? 'bg-amber-50 text-amber-950 ring-amber-300'
          : 'bg-emerald-50 text-emerald-950 ring-emerald-200'
      }`}
      data-testid="shopper-session"
    >
      <span className="text-sm font-medium">
        You were let in from the waiting room. Hold your seats and pay before your shopping time
        ends.
      </span>
      <span className="flex items-center gap-2 text-sm">
        Shopping time left
        <span role="timer" className="font-mono text-xl font-bold tabular-nums">
          {formatClock(left)}
        </span>
      </span>
    </div>
  );
};

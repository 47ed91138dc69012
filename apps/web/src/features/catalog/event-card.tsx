// One event in the results grid; the whole card is a link to the event page. Seats left come
// live from seats.onAvailability when the list has them (per tier), else from the list query.
import type { EventSummary } from '@tessera/contracts/catalog';
import type { EventAvailability } from '@tessera/contracts/seats';
import { Link, useLocation } from 'react-router-dom';
import { formatCount, formatEventDate, formatPrice, formatShortDate } from '../../lib/format.ts';
import { seatsAvailable } from '../seat-map/live-availability.ts';
import { seatsLeftText } from '../seat-map/seats-left.ts';
import type { BackState } from './back-state.ts';
import { CATEGORY_STYLE, SEAT_DOTS } from './category-style.ts';

const DateBadge = ({ iso }: { iso: string }) => {
  const date = new Date(iso);
  return (
    <div className="relative flex flex-col items-center rounded-lg bg-white/95 px-2.5 py-1 text-slate-900 shadow-sm">
      <span className="text-[11px] font-semibold tracking-wide text-rose-600 uppercase">
        {new Intl.DateTimeFormat(undefined, { month: 'short' }).format(date)}
      </span>
      <span className="text-xl leading-none font-bold">{date.getDate()}</span>
    </div>
  );
};

const Availability = ({ event, live }: { event: EventSummary; live?: EventAvailability }) => {
  const left = live ? seatsAvailable(live) : event.seatsLeft;
  const held = live ? live.tiers.reduce((sum, tier) => sum + tier.held, 0) : 0;
  if (left <= 0) {
    return held > 0 ? (
      <span className="rounded-full bg-amber-50 px-2.5 py-1 text-xs font-semibold text-amber-800">
        All seats held right now
      </span>
    ) : (
      <span className="rounded-full bg-red-50 px-2.5 py-1 text-xs font-semibold text-red-700">
        Sold out
      </span>
    );
  }
  const few = left < Math.max(50, event.capacity * 0.05);
  return (
    <span
      className={`text-xs font-medium ${few ? 'text-amber-700' : 'text-emerald-700'}`}
      data-testid="event-seats-left"
      data-live={live ? 'true' : 'false'}
    >
      {formatCount(left)} {left === 1 ? 'seat' : 'seats'} left
    </span>
  );
};

/** "Floor 12 left · Balcony none left": the live count of every price tier. */
const TierCounts = ({ live }: { live: EventAvailability }) => (
  <ul
    className="mt-2 flex flex-wrap gap-x-3 gap-y-0.5 text-xs text-slate-600"
    aria-label="Seats left by price tier"
    data-testid="event-tier-counts"
  >
    {live.tiers.map((tier) => (
      <li key={tier.tierId}>
        {tier.name}{' '}
        <span className={tier.available === 0 ? 'text-red-700' : 'font-medium text-slate-800'}>
          {seatsLeftText(tier.available).toLowerCase()}
        </span>
      </li>
    ))}
  </ul>
);

export const EventCard = ({ event, live }: { event: EventSummary; live?: EventAvailability }) => {
  const style = CATEGORY_STYLE[event.category];
  const location = useLocation();
  const onSaleLater = event.nextOnSaleAt !== null && Date.parse(event.nextOnSaleAt) > Date.now();
  return (
    <li
      data-testid="event-card"
      className="group relative flex flex-col overflow-hidden rounded-2xl border border-slate-200 bg-white shadow-sm transition hover:-translate-y-0.5 hover:shadow-md focus-within:ring-2 focus-within:ring-indigo-600"
    >
      <div
        className={`relative flex h-28 items-start justify-between bg-gradient-to-br p-3 ${style.banner}`}
      >
        <div aria-hidden="true" className={SEAT_DOTS} />
        <span
          className="relative rounded-full bg-black/25 px-2.5 py-1 text-xs font-semibold text-white backdrop-blur-sm"
          data-testid="event-category"
        >
          {style.label}
        </span>
        <DateBadge iso={event.startsAt} />
        {onSaleLater && (
          <span className="absolute bottom-3 left-3 rounded-full bg-white/95 px-2.5 py-1 text-xs font-semibold text-indigo-800 shadow-sm">
            On sale {formatShortDate(event.nextOnSaleAt as string)}
          </span>
        )}
      </div>
      <div className="flex flex-1 flex-col p-4">
        <h3 className="text-base leading-snug font-semibold text-slate-900">
          <Link
            to={`/events/${event.id}`}
            state={{ backTo: `${location.pathname}${location.search}` } satisfies BackState}
            className="after:absolute after:inset-0 focus-visible:outline-none"
          >
            {event.title}
          </Link>
        </h3>
        <p className="mt-1 text-sm text-slate-700">
          <time dateTime={event.startsAt}>{formatEventDate(event.startsAt)}</time>
        </p>
        <p className="mt-0.5 text-sm text-slate-600" data-testid="event-place">
          {event.venue.name} · <span data-testid="event-city">{event.city}</span>
        </p>
        <div className="mt-auto flex items-end justify-between gap-2 pt-4">
          <span className="text-sm text-slate-600">
            {event.minPriceCents !== null ? (
              <>
                from{' '}
                <span className="text-base font-bold text-slate-900">
                  {formatPrice(event.minPriceCents, event.currency)}
                </span>
              </>
            ) : (
              'Prices soon'
            )}
          </span>
          <Availability event={event} live={live} />
        </div>
        {live && live.tiers.length > 1 && <TierCounts live={live} />}
      </div>
    </li>
  );
};

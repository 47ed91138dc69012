// The event page body: facts, description, price tiers, sale windows and the seat map, which
// becomes the interactive seat picker while a sale window is open.
import type { EventDetail as EventDetailData } from '@tessera/contracts/catalog';
import { useDeferredValue, type ReactNode } from 'react';
import { OnSaleEventBody } from '../holds/on-sale-event-body.tsx';
import { useAdmission } from '../waiting-room/use-admission.ts';
import {
  findWaitingRoomWindow,
  QueueCallout,
  ShopperSessionBanner,
} from '../waiting-room/waiting-room-callouts.tsx';
import { Skeleton } from '../../components/skeleton.tsx';
import { formatCount, formatEventDate, formatPrice } from '../../lib/format.ts';
import { CATEGORY_STYLE, SEAT_DOTS } from './category-style.ts';
import { OnSaleWindows } from './on-sale-windows.tsx';
import { Panel } from './panel.tsx';
import { PriceTierLegend } from './price-tier-legend.tsx';
import { SeatMap } from './seat-map.tsx';

const Fact = ({ label, children }: { label: string; children: ReactNode }) => (
  <div>
    <dt className="text-xs font-semibold tracking-wide text-white/75 uppercase">{label}</dt>
    <dd className="mt-0.5 font-medium text-white">{children}</dd>
  </div>
);

/** Seeded and admin-typed addresses often already end with the city; do not repeat it. */
const fullAddress = ({ address, city }: { address: string; city: string }) =>
  address.toLowerCase().includes(city.toLowerCase()) ? address : `${address}, ${city}`;

export const EventDetail = ({ event }: { event: EventDetailData }) => {
  const style = CATEGORY_STYLE[event.category];
  // Paint the page first and draw the (possibly 12k-seat) map in a background render right after.
  const showMap = useDeferredValue(true, false);
  const openWindow =
    event.status === 'PUBLISHED' ? event.onSales.find((w) => w.status === 'OPEN') : undefined;
  // A waiting-room sale: fans pick seats only with an admission pass from the queue.
  const admission = useAdmission(event.id);
  const queueWindow =
    event.status === 'PUBLISHED' ? findWaitingRoomWindow(event.onSales) : undefined;
  // An admission pass means the window is open even if this page's copy of the event is older.
  const saleWindow = openWindow ?? (admission ? queueWindow : undefined);
  const picking = saleWindow && (!saleWindow.waitingRoomEnabled || admission);
  const about = (
    <Panel title="About this event">
      <p className="leading-relaxed whitespace-pre-line text-slate-700">{event.description}</p>
    </Panel>
  );
  const sidebar = (
    <>
      <Panel title="Prices">
        <PriceTierLegend tiers={event.priceTiers} />
      </Panel>
      <Panel title="On-sale dates">
        <OnSaleWindows windows={event.onSales} />
      </Panel>
    </>
  );
  return (
    <article className="space-y-6">
      <header
        className={`relative overflow-hidden rounded-2xl bg-gradient-to-br p-6 text-white shadow-sm sm:p-8 ${style.banner}`}
      >
        <div aria-hidden="true" className={SEAT_DOTS} />
        <span className="relative rounded-full bg-black/25 px-2.5 py-1 text-xs font-semibold">
          {style.label}
        </span>
        {event.status === 'CANCELLED' && (
          <span className="relative ml-2 rounded-full bg-red-700 px-2.5 py-1 text-xs font-semibold">
            Cancelled
          </span>
        )}
        <h1 className="relative mt-3 text-3xl font-bold tracking-tight sm:text-4xl">
          {event.title}
        </h1>
        <dl className="relative mt-6 grid gap-4 sm:grid-cols-3">
          <Fact label="When">
            <time dateTime={event.startsAt}>{formatEventDate(event.startsAt)}</time>
          </Fact>
          <Fact label="Where">
            {event.venue.name}
            <span className="block text-sm font-normal text-white/85">
              {fullAddress(event.venue)}
            </span>
          </Fact>
          <Fact label="Tickets">
            {event.minPriceCents !== null
              ? `from ${formatPrice(event.minPriceCents, event.currency)}`
              : 'Prices soon'}
            <span className="block text-sm font-normal text-white/85">
              {event.seatsLeft > 0
                ? `${formatCount(event.seatsLeft)} of ${formatCount(event.capacity)} seats left`
                : 'Sold out'}
            </span>
          </Fact>
        </dl>
      </header>
      {admission && saleWindow?.waitingRoomEnabled && (
        <ShopperSessionBanner admission={admission} />
      )}
      {picking && saleWindow ? (
        <OnSaleEventBody event={event} saleWindow={saleWindow} about={about} sidebar={sidebar} />
      ) : (
        <div className="grid gap-6 lg:grid-cols-3">
          <div className="space-y-6 lg:col-span-2">
            {queueWindow && !admission && (
              <QueueCallout eventId={event.id} saleWindow={queueWindow} />
            )}
            {about}
            <Panel title="Seat map">
              <p className="mb-4 rounded-lg bg-indigo-50 px-3 py-2 text-sm text-indigo-900">
                {queueWindow && queueWindow.status !== 'SCHEDULED'
                  ? 'Live availability shows once the waiting room lets you in.'
                  : 'Live availability opens with the on-sale.'}{' '}
                Colours show each seat’s price tier.
              </p>
              <div className="rounded-xl bg-slate-50 p-2 sm:p-4">
                {showMap ? (
                  <SeatMap
                    layout={event.layout}
                    priceTiers={event.priceTiers}
                    venueName={event.venue.name}
                  />
                ) : (
                  <Skeleton className="aspect-[3/2] w-full" />
                )}
              </div>
              <p className="mt-3 text-xs text-slate-600">
                {formatCount(event.capacity)} seats · {event.layout.sections.length} sections
              </p>
            </Panel>
          </div>
          <div className="space-y-6">{sidebar}</div>
        </div>
      )}
    </article>
  );
};

// The interactive map in a scrollable frame with zoom buttons and a line describing the seat
// under the keyboard cursor (also read to screen readers).
import type { EventDetail } from '@tessera/contracts/catalog';
import { useDeferredValue, useId, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { Skeleton } from '../../components/skeleton.tsx';
import { formatPrice } from '../../lib/format.ts';
import { buildLayoutDrawing } from '../catalog/seat-map-geometry.ts';
import { InteractiveSeatMap } from './interactive-seat-map.tsx';
import { buildSeatNavigation } from './seat-navigation.ts';
import { buildSectionStates, type SeatState } from './seat-states.ts';
import { STATE_WORDS } from './seat-styles.ts';
import type { SeatPurchase } from './use-seat-purchase.ts';

const ZOOMS = [1, 1.5, 2, 3, 4];

const ZoomButton = (props: {
  label: string;
  text: string;
  disabled: boolean;
  onClick: () => void;
}) => (
  <button
    type="button"
    aria-label={props.label}
    disabled={props.disabled}
    onClick={props.onClick}
    className="h-9 w-9 rounded-lg border border-slate-300 bg-white text-lg font-semibold text-slate-800 shadow-sm hover:bg-slate-50 disabled:opacity-40"
  >
    {props.text}
  </button>
);

export const SeatMapArea = ({
  event,
  purchase,
}: {
  event: EventDetail;
  purchase: SeatPurchase;
}) => {
  const describedBy = useId();
  // Paint the page first and draw the (possibly 11k-seat) map in a background render right after.
  const showMap = useDeferredValue(true, false);
  const frame = useRef<HTMLDivElement>(null);
  const centre = useRef({ x: 0.5, y: 0.5 });
  // Phones start zoomed in (centred): at 1× a big venue's seats are a couple of pixels wide.
  const [zoomIndex, setZoomIndex] = useState(() => (window.innerWidth < 640 ? 2 : 0));
  const [activeSeatId, setActiveSeatId] = useState<number | null>(null);
  const drawing = useMemo(() => buildLayoutDrawing(event.layout), [event.layout]);
  const navigation = useMemo(() => buildSeatNavigation(event.layout), [event.layout]);
  const colorOf = useMemo(
    () => new Map(event.priceTiers.map((tier) => [tier.id, tier.color])),
    [event.priceTiers],
  );
  const { selection, statuses, mine, seatIndex } = purchase;
  const states = useMemo(
    () =>
      buildSectionStates({
        sections: drawing.sections,
        statuses,
        mine,
        selected: new Set(selection),
      }),
    [drawing, statuses, mine, selection],
  );

  // Zooming keeps the same point of the map in the middle of the frame.
  const zoomTo = (index: number) => {
    const el = frame.current;
    if (el && el.scrollWidth > 0) {
      centre.current = {
        x: (el.scrollLeft + el.clientWidth / 2) / el.scrollWidth,
        y: (el.scrollTop + el.clientHeight / 2) / el.scrollHeight,
      };
    }
    setZoomIndex(index);
  };
  useLayoutEffect(() => {
    const el = frame.current;
    if (!el) return;
    el.scrollLeft = centre.current.x * el.scrollWidth - el.clientWidth / 2;
    el.scrollTop = centre.current.y * el.scrollHeight - el.clientHeight / 2;
  }, [zoomIndex, showMap]);

  const active = activeSeatId === null ? undefined : seatIndex.get(activeSeatId);
  const activeState: SeatState = !active
    ? '?'
    : selection.includes(active.id)
      ? 'x'
      : mine.has(active.id)
        ? 'm'
        : (statuses.get(active.id) ?? '?');
  const zoom = ZOOMS[zoomIndex] ?? 1;
  return (
    <div className="space-y-2">
      <div className="flex items-center justify-end gap-2">
        <span className="mr-auto text-xs text-slate-600" aria-live="polite">
          {purchase.snapshot.isError
            ? 'Live seat status is unavailable; retrying…'
            : `Zoom ${Math.round(zoom * 100)}%`}
        </span>
        <ZoomButton
          label="Zoom out"
          text="−"
          disabled={zoomIndex === 0}
          onClick={() => zoomTo(zoomIndex - 1)}
        />
        <ZoomButton
          label="Zoom in"
          text="+"
          disabled={zoomIndex === ZOOMS.length - 1}
          onClick={() => zoomTo(zoomIndex + 1)}
        />
      </div>
      <div
        ref={frame}
        className="max-h-[70vh] overflow-auto rounded-xl bg-slate-50 p-2 sm:p-3"
        data-testid="seat-map-frame"
      >
        {showMap ? (
          <InteractiveSeatMap
            layout={event.layout}
            drawing={drawing}
            colorOf={colorOf}
            states={states}
            venueName={event.venue.name}
            zoom={zoom}
            navigation={navigation}
            activeSeat={active ? { id: active.id, x: active.x, y: active.y } : null}
            onActiveSeatChange={setActiveSeatId}
            onToggleSeat={purchase.toggle}
            describedBy={describedBy}
          />
        ) : (
          <Skeleton className="aspect-[3/2] w-full" />
        )}
      </div>
      <p id={describedBy} className="min-h-5 text-sm text-slate-700" aria-live="polite">
        {active
          ? `${active.sectionName} · Row ${active.rowLabel}, seat ${active.seatLabel} · ${active.tierName} ${formatPrice(active.priceCents, active.currency)} · ${STATE_WORDS[activeState]}`
          : ''}
      </p>
    </div>
  );
};

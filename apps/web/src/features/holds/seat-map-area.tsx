// The interactive map in a pan-and-zoom frame (wheel, pinch, drag, +/−/reset buttons), the live
// connection banner, hover details beside a seat, and a line describing the seat under the
// keyboard cursor or the last tap (also read to screen readers).
import type { EventDetail } from '@tessera/contracts/catalog';
import {
  useCallback,
  useDeferredValue,
  useEffect,
  useId,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import {
  TransformComponent,
  TransformWrapper,
  type ReactZoomPanPinchRef,
} from 'react-zoom-pan-pinch';
import { Skeleton } from '../../components/skeleton.tsx';
import { formatPrice } from '../../lib/format.ts';
import { buildLayoutDrawing } from '../catalog/seat-map-geometry.ts';
import { ConnectionBanner } from '../seat-map/connection-banner.tsx';
import { SeatDetails, type HoveredSeat } from '../seat-map/seat-details.tsx';
import { keepInView } from '../seat-map/viewport.ts';
import { InteractiveSeatMap } from './interactive-seat-map.tsx';
import type { SeatInfo } from './seat-index.ts';
import { buildSeatNavigation } from './seat-navigation.ts';
import { buildSectionStates, type SeatState } from './seat-states.ts';
import { STATE_WORDS } from './seat-styles.ts';
import type { SeatPurchase } from './use-seat-purchase.ts';

const MAX_SCALE = 8;
/** Phones start zoomed in: at 1× a big venue's seats are a couple of pixels wide. */
const PHONE_SCALE = 2.5;

const ZoomButton = (props: {
  label: string;
  text: string;
  disabled?: boolean;
  onClick: () => void;
}) => (
  <button
    type="button"
    aria-label={props.label}
    title={props.label}
    disabled={props.disabled}
    onClick={props.onClick}
    className="h-9 min-w-9 rounded-lg border border-slate-300 bg-white px-2 text-lg font-semibold text-slate-800 shadow-sm hover:bg-slate-50 disabled:opacity-40"
  >
    {props.text}
  </button>
);

export const describeSeat = (seat: SeatInfo, state: SeatState) =>
  `${seat.sectionName} · Row ${seat.rowLabel}, seat ${seat.seatLabel} · ${seat.tierName} ${formatPrice(seat.priceCents, seat.currency)} · ${STATE_WORDS[state]}`;

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
  const zoom = useRef<ReactZoomPanPinchRef>(null);
  const frame = useRef<HTMLDivElement>(null);
  const [initialScale] = useState(() => (window.innerWidth < 640 ? PHONE_SCALE : 1));
  const [scale, setScale] = useState(initialScale);
  const [activeSeatId, setActiveSeatId] = useState<number | null>(null);
  const [hovered, setHovered] = useState<HoveredSeat | null>(null);
  const drawing = useMemo(() => buildLayoutDrawing(event.layout), [event.layout]);
  const navigation = useMemo(() => buildSeatNavigation(event.layout), [event.layout]);
  const colorOf = useMemo(
    () => new Map(event.priceTiers.map((tier) => [tier.id, tier.color])),
    [event.priceTiers],
  );
  const { selection, statuses, mine, seatIndex, live } = purchase;
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
  // Fades start once the first snapshot is on screen (11k seats fading in at once is just cost).
  const [animate, setAnimate] = useState(false);
  const loaded = live.state !== null;
  useEffect(() => {
    if (!loaded || animate) return;
    const frameId = requestAnimationFrame(() => setAnimate(true));
    return () => cancelAnimationFrame(frameId);
  }, [loaded, animate]);

  const stateOf = useCallback(
    (id: number): SeatState =>
      selection.includes(id) ? 'x' : mine.has(id) ? 'm' : (statuses.get(id) ?? '?'),
    [selection, mine, statuses],
  );
  const onHoverSeat = useCallback((seat: { id: number; element: Element } | null) => {
    const box = frame.current?.getBoundingClientRect();
    if (!seat || !box) return setHovered(null);
    const rect = seat.element.getBoundingClientRect();
    setHovered({
      id: seat.id,
      x: rect.left + rect.width / 2 - box.left,
      y: rect.top - box.top,
      frameWidth: box.width,
    });
  }, []);
  const onActiveSeatChange = useCallback(
    (seatId: number) => {
      setActiveSeatId(seatId);
      const seat = seatIndex.get(seatId);
      if (seat && zoom.current) keepInView({ zoom: zoom.current, layout: event.layout, seat });
    },
    [seatIndex, event.layout],
  );

  // Stable props keep the memoised map from re-rendering on hover or zoom-label changes.
  const toggleRef = useRef(purchase.toggle);
  useLayoutEffect(() => {
    toggleRef.current = purchase.toggle;
  });
  const onToggleSeat = useCallback((seatId: number) => toggleRef.current(seatId), []);
  /** The buttons double or halve the zoom (the library's step is added, not multiplied). */
  const zoomBy = (factor: number) => {
    const current = zoom.current;
    if (!current) return;
    const now = current.state.scale;
    if (factor > 1) current.zoomIn(now * (factor - 1));
    else current.zoomOut(now * (1 - factor));
  };
  const zoomByRef = useRef(zoomBy);
  useLayoutEffect(() => {
    zoomByRef.current = zoomBy;
  });
  const onZoomKey = useCallback(
    (direction: 'in' | 'out') => zoomByRef.current(direction === 'in' ? 2 : 0.5),
    [],
  );
  const active = activeSeatId === null ? undefined : seatIndex.get(activeSeatId);
  const activeSeat = useMemo(
    () => (active ? { id: active.id, x: active.x, y: active.y } : null),
    [active],
  );
  const hoveredSeat = hovered ? seatIndex.get(hovered.id) : undefined;
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center justify-end gap-2">
        <ConnectionBanner connection={live.connection} resynced={live.resynced} />
        <span className="sr-only" aria-live="polite">
          Zoom {Math.round(scale * 100)}%
        </span>
        <ZoomButton
          label="Zoom out"
          text="−"
          disabled={scale <= 1.01}
          onClick={() => zoomBy(0.5)}
        />
        <ZoomButton
          label="Zoom in"
          text="+"
          disabled={scale >= MAX_SCALE - 0.01}
          onClick={() => zoomBy(2)}
        />
        <ZoomButton label="Reset zoom" text="⟲" onClick={() => zoom.current?.resetTransform()} />
      </div>
      <div
        ref={frame}
        className="relative"
        data-testid="seat-map-frame"
        data-scale={scale.toFixed(2)}
      >
        {showMap ? (
          <TransformWrapper
            ref={zoom}
            initialScale={initialScale}
            minScale={1}
            maxScale={MAX_SCALE}
            centerOnInit
            doubleClick={{ disabled: true }}
            wheel={{ step: 0.2 }}
            panning={{ velocityDisabled: true }}
            onTransform={(_, next) => {
              setHovered(null);
              setScale(Math.round(next.scale * 100) / 100);
            }}
          >
            <TransformComponent
              // Inline: the library's own (unlayered) styles beat Tailwind's utilities. On a phone
              // the frame is taller than the map at 1×, so the zoomed map has room to pan.
              wrapperClass="rounded-xl bg-slate-50 touch-none"
              wrapperStyle={{
                width: '100%',
                maxHeight: '70vh',
                height: initialScale > 1 ? '60vh' : undefined,
              }}
              contentStyle={{ width: '100%' }}
            >
              <InteractiveSeatMap
                layout={event.layout}
                drawing={drawing}
                colorOf={colorOf}
                states={states}
                venueName={event.venue.name}
                navigation={navigation}
                activeSeat={activeSeat}
                onActiveSeatChange={onActiveSeatChange}
                onToggleSeat={onToggleSeat}
                onHoverSeat={onHoverSeat}
                describedBy={describedBy}
                animate={animate}
                scale={scale}
                onZoomKey={onZoomKey}
              />
            </TransformComponent>
          </TransformWrapper>
        ) : (
          <Skeleton className="aspect-[3/2] w-full" />
        )}
        {hovered && hoveredSeat && (
          <SeatDetails at={hovered} text={describeSeat(hoveredSeat, stateOf(hoveredSeat.id))} />
        )}
      </div>
      <p
        id={describedBy}
        className="min-h-5 text-sm text-slate-700"
        aria-live="polite"
        data-testid="active-seat"
      >
        {active ? describeSeat(active, stateOf(active.id)) : ''}
      </p>
    </div>
  );
};

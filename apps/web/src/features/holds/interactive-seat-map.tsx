// The on-sale seat map: seat states drawn per section (memoised, so a live change repaints only
// the seats that changed, with a short fade), delegated click and hover handlers, arrow keys +
// Enter/Space. Pan and zoom live in the frame around it (seat-map-area.tsx).
import type { EventDetail } from '@tessera/contracts/catalog';
import {
  memo,
  useMemo,
  useRef,
  type KeyboardEvent,
  type MouseEvent,
  type PointerEvent,
} from 'react';
import { formatCount } from '../../lib/format.ts';
import { SectionLabels, seatMapFontSize, Stage } from '../catalog/seat-map-backdrop.tsx';
import type { LayoutDrawing, SectionDrawing } from '../catalog/seat-map-geometry.ts';
import { directionOfKey, type SeatNavigation } from './seat-navigation.ts';
import type { SeatState } from './seat-states.ts';
import { seatPaint } from './seat-styles.ts';

/** A seat changing status fades to its new colour, unless the fan asked for reduced motion. */
const SEAT_FADE =
  'motion-safe:[&_circle]:transition-[fill,opacity] motion-safe:[&_circle]:duration-500';

interface SeatProps {
  id: number;
  cx: number;
  cy: number;
  r: number;
  color: string;
  state: SeatState;
}

const Seat = memo(({ id, cx, cy, r, color, state }: SeatProps) => {
  const paint = seatPaint(state, color);
  return (
    <circle
      data-seat-id={id}
      data-status={state}
      cx={cx}
      cy={cy}
      r={r * (paint.scale ?? 1)}
      fill={paint.fill}
      stroke={paint.stroke}
      strokeWidth={paint.stroke ? r * (paint.strokeScale ?? 0.4) : undefined}
      opacity={paint.opacity}
      className={state === 'a' || state === 'x' ? 'cursor-pointer' : undefined}
    />
  );
});
Seat.displayName = 'Seat';

interface SectionProps {
  section: SectionDrawing;
  radius: number;
  colorOf: Map<number, string>;
  /** One state character per seat; a string, so unchanged sections skip rendering entirely. */
  states: string;
}

const SectionSeats = memo(({ section, radius, colorOf, states }: SectionProps) => {
  const seats = [];
  for (let i = 0; i < section.seatIds.length; i += 1) {
    const id = section.seatIds[i] as number;
    seats.push(
      <Seat
        key={id}
        id={id}
        cx={section.seats[i * 3] as number}
        cy={section.seats[i * 3 + 1] as number}
        r={radius}
        color={colorOf.get(section.seats[i * 3 + 2] as number) ?? '#94a3b8'}
        state={(states[i] ?? '?') as SeatState}
      />,
    );
  }
  return <g data-section={section.name}>{seats}</g>;
});
SectionSeats.displayName = 'SectionSeats';

export interface InteractiveSeatMapProps {
  layout: EventDetail['layout'];
  drawing: LayoutDrawing;
  colorOf: Map<number, string>;
  states: Map<number, string>;
  venueName: string;
  navigation: SeatNavigation;
  activeSeat: { id: number; x: number; y: number } | null;
  onActiveSeatChange: (seatId: number) => void;
  onToggleSeat: (seatId: number) => void;
  /** The seat under the pointer (its circle, for placing details beside it), or null. */
  onHoverSeat: (seat: { id: number; element: Element } | null) => void;
  describedBy: string;
  /** Fade status changes (off for the first snapshot, and under prefers-reduced-motion). */
  animate: boolean;
  /** The current zoom: section names keep their on-screen size instead of growing with it. */
  scale: number;
  /** + / − keys on the focused map zoom in and out. */
  onZoomKey: (direction: 'in' | 'out') => void;
}

/** A press that moved further than this (in CSS pixels) was a pan, not a click on a seat. */
const CLICK_SLOP_PX = 6;

const seatOf = (target: EventTarget) => {
  const element = (target as Element).closest?.('[data-seat-id]');
  const id = Number(element?.getAttribute('data-seat-id'));
  return element && id ? { id, element } : null;
};

export const InteractiveSeatMap = memo((props: InteractiveSeatMapProps) => {
  const { layout, drawing, colorOf, states, navigation, activeSeat } = props;
  const { onActiveSeatChange, onToggleSeat, onHoverSeat, onZoomKey } = props;
  const fontSize = seatMapFontSize(layout) / Math.max(1, props.scale);
  const pressedAt = useRef<{ x: number; y: number } | null>(null);
  const onPointerDown = (event: PointerEvent<SVGSVGElement>) => {
    pressedAt.current = { x: event.clientX, y: event.clientY };
  };
  const onClick = (event: MouseEvent<SVGSVGElement>) => {
    const from = pressedAt.current;
    if (from && Math.hypot(event.clientX - from.x, event.clientY - from.y) > CLICK_SLOP_PX) return;
    const seat = seatOf(event.target);
    if (!seat) return;
    onActiveSeatChange(seat.id);
    onToggleSeat(seat.id);
  };
  const onKeyDown = (event: KeyboardEvent<SVGSVGElement>) => {
    if (event.key === '+' || event.key === '=' || event.key === '-') {
      event.preventDefault();
      return onZoomKey(event.key === '-' ? 'out' : 'in');
    }
    const direction = directionOfKey(event.key);
    const current = activeSeat?.id ?? navigation.first;
    if (current === undefined) return;
    if (direction) {
      event.preventDefault();
      onActiveSeatChange(activeSeat ? navigation.move(current, direction) : current);
    } else if ((event.key === 'Enter' || event.key === ' ') && activeSeat) {
      event.preventDefault();
      onToggleSeat(activeSeat.id);
    }
  };
  const ring = drawing.seatRadius * 2.2;
  const sections = useMemo(
    () =>
      drawing.sections.map((section) => (
        <SectionSeats
          key={section.id}
          section={section}
          radius={drawing.seatRadius}
          colorOf={colorOf}
          states={states.get(section.id) ?? ''}
        />
      )),
    [drawing, colorOf, states],
  );
  return (
    <svg
      viewBox={`0 0 ${layout.width} ${layout.height}`}
      role="application"
      tabIndex={0}
      aria-roledescription="seat map"
      aria-label={`Seat map of ${props.venueName}, ${formatCount(drawing.seatCount)} seats. Arrow keys move between seats; Enter or Space selects; plus and minus zoom.`}
      aria-describedby={props.describedBy}
      data-testid="seat-map"
      onClick={onClick}
      onPointerDown={onPointerDown}
      onPointerOver={(event) => onHoverSeat(seatOf(event.target))}
      onPointerLeave={() => onHoverSeat(null)}
      onKeyDown={onKeyDown}
      className={`block h-auto w-full rounded-lg outline-none focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 ${props.animate ? SEAT_FADE : ''}`}
    >
      <Stage layout={layout} />
      {sections}
      <SectionLabels sections={drawing.sections} fontSize={fontSize} />
      {activeSeat && (
        <path
          aria-hidden="true"
          data-testid="active-seat-ring"
          d={`M ${activeSeat.x - ring} ${activeSeat.y} a ${ring} ${ring} 0 1 0 ${ring * 2} 0 a ${ring} ${ring} 0 1 0 ${-ring * 2} 0`}
          fill="none"
          stroke="#4f46e5"
          strokeWidth={drawing.seatRadius * 0.6}
          pointerEvents="none"
        />
      )}
    </svg>
  );
});
InteractiveSeatMap.displayName = 'InteractiveSeatMap';

// The on-sale seat map: seat states drawn per section (memoised, so a refresh repaints only the
// seats that changed), one delegated click handler, arrow keys + Enter/Space, and zoom buttons.
import type { EventDetail } from '@tessera/contracts/catalog';
import { memo, useMemo, type KeyboardEvent, type MouseEvent } from 'react';
import { formatCount } from '../../lib/format.ts';
import { SectionLabels, seatMapFontSize, Stage } from '../catalog/seat-map-backdrop.tsx';
import type { LayoutDrawing, SectionDrawing } from '../catalog/seat-map-geometry.ts';
import { directionOfKey, type SeatNavigation } from './seat-navigation.ts';
import type { SeatState } from './seat-states.ts';
import { seatPaint } from './seat-styles.ts';

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
  zoom: number;
  navigation: SeatNavigation;
  activeSeat: { id: number; x: number; y: number } | null;
  onActiveSeatChange: (seatId: number) => void;
  onToggleSeat: (seatId: number) => void;
  describedBy: string;
}

export const InteractiveSeatMap = (props: InteractiveSeatMapProps) => {
  const { layout, drawing, colorOf, states, navigation, activeSeat, zoom } = props;
  const { onActiveSeatChange, onToggleSeat } = props;
  const fontSize = seatMapFontSize(layout);
  const onClick = (event: MouseEvent<SVGSVGElement>) => {
    const target = (event.target as Element).closest('[data-seat-id]');
    const seatId = Number(target?.getAttribute('data-seat-id'));
    if (!seatId) return;
    onActiveSeatChange(seatId);
    onToggleSeat(seatId);
  };
  const onKeyDown = (event: KeyboardEvent<SVGSVGElement>) => {
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
      aria-label={`Seat map of ${props.venueName}, ${formatCount(drawing.seatCount)} seats. Arrow keys move between seats; Enter or Space selects.`}
      aria-describedby={props.describedBy}
      data-testid="seat-map"
      onClick={onClick}
      onKeyDown={onKeyDown}
      style={{ width: `${zoom * 100}%` }}
      className="block h-auto max-w-none rounded-lg outline-none focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
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
};

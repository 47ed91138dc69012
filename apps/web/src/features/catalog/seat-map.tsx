// The venue layout as an SVG: one <g> of plain circles per section, memoized so 12k seats render once.
import type { EventDetail } from '@tessera/contracts/catalog';
import { memo, useMemo } from 'react';
import { formatCount } from '../../lib/format.ts';
import { SectionLabels, seatMapFontSize, Stage } from './seat-map-backdrop.tsx';
import { buildLayoutDrawing, type SectionDrawing } from './seat-map-geometry.ts';

const UNKNOWN_TIER_COLOR = '#94a3b8';

interface SectionSeatsProps {
  section: SectionDrawing;
  radius: number;
  colorOf: Map<number, string>;
}

const SectionSeats = memo(({ section, radius, colorOf }: SectionSeatsProps) => {
  const circles = [];
  for (let i = 0; i < section.seats.length; i += 3) {
    circles.push(
      <circle
        key={i}
        cx={section.seats[i]}
        cy={section.seats[i + 1]}
        r={radius}
        fill={colorOf.get(section.seats[i + 2] as number) ?? UNKNOWN_TIER_COLOR}
      />,
    );
  }
  return (
    <g data-section={section.name}>
      <title>{section.name}</title>
      {circles}
    </g>
  );
});
SectionSeats.displayName = 'SectionSeats';

interface SeatMapProps {
  layout: EventDetail['layout'];
  priceTiers: EventDetail['priceTiers'];
  venueName: string;
}

export const SeatMap = memo(({ layout, priceTiers, venueName }: SeatMapProps) => {
  const drawing = useMemo(() => buildLayoutDrawing(layout), [layout]);
  const colorOf = useMemo(
    () => new Map(priceTiers.map((tier) => [tier.id, tier.color])),
    [priceTiers],
  );
  return (
    <svg
      viewBox={`0 0 ${layout.width} ${layout.height}`}
      role="img"
      aria-label={`Seat map of ${venueName}: ${formatCount(drawing.seatCount)} seats in ${drawing.sections.length} sections`}
      data-testid="seat-map"
      className="h-auto max-h-[75vh] w-full"
    >
      <Stage layout={layout} />
      {drawing.sections.map((section) => (
        <SectionSeats
          key={section.id}
          section={section}
          radius={drawing.seatRadius}
          colorOf={colorOf}
        />
      ))}
      <SectionLabels sections={drawing.sections} fontSize={seatMapFontSize(layout)} />
    </svg>
  );
});
SeatMap.displayName = 'SeatMap';

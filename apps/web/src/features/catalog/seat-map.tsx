// The venue layout as an SVG: one <g> of plain circles per section, memoized so 12k seats render once.
import type { EventDetail } from '@tessera/contracts/catalog';
import { memo, useMemo } from 'react';
import { formatCount } from '../../lib/format.ts';
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
  const size = Math.max(layout.width, layout.height);
  const fontSize = size / 55;
  const stageWidth = layout.width * 0.28;
  const stageHeight = Math.max(layout.height * 0.045, fontSize * 1.8);
  return (
    <svg
      viewBox={`0 0 ${layout.width} ${layout.height}`}
      role="img"
      aria-label={`Seat map of ${venueName}: ${formatCount(drawing.seatCount)} seats in ${drawing.sections.length} sections`}
      data-testid="seat-map"
      className="h-auto max-h-[75vh] w-full"
    >
      <g aria-hidden="true">
        <rect
          x={layout.stage.x - stageWidth / 2}
          y={layout.stage.y - stageHeight / 2}
          width={stageWidth}
          height={stageHeight}
          rx={stageHeight / 4}
          fill="#1e293b"
        />
        <text
          x={layout.stage.x}
          y={layout.stage.y}
          fill="#f8fafc"
          fontSize={fontSize}
          fontWeight={700}
          letterSpacing={fontSize / 5}
          textAnchor="middle"
          dominantBaseline="central"
        >
          STAGE
        </text>
      </g>
      {drawing.sections.map((section) => (
        <SectionSeats
          key={section.id}
          section={section}
          radius={drawing.seatRadius}
          colorOf={colorOf}
        />
      ))}
      <g
        aria-hidden="true"
        fill="#334155"
        fontSize={fontSize * 0.8}
        fontWeight={600}
        textAnchor="middle"
      >
        {drawing.sections.map((section) => (
          <text
            key={section.id}
            x={section.label.x}
            y={section.label.y}
            stroke="#fff"
            strokeWidth={fontSize / 6}
            paintOrder="stroke"
          >
            {section.name}
          </text>
        ))}
      </g>
    </svg>
  );
});
SeatMap.displayName = 'SeatMap';

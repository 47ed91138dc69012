// What every seat map draws around the seats: the stage and the section names (decorative).
import type { EventDetail } from '@tessera/contracts/catalog';
import type { SectionDrawing } from './seat-map-geometry.ts';

export const seatMapFontSize = (layout: EventDetail['layout']) =>
  Math.max(layout.width, layout.height) / 55;

export const Stage = ({ layout }: { layout: EventDetail['layout'] }) => {
  const fontSize = seatMapFontSize(layout);
  const stageWidth = layout.width * 0.28;
  const stageHeight = Math.max(layout.height * 0.045, fontSize * 1.8);
  return (
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
  );
};

export const SectionLabels = ({
  sections,
  fontSize,
}: {
  sections: SectionDrawing[];
  fontSize: number;
}) => (
  <g
    aria-hidden="true"
    fill="#334155"
    fontSize={fontSize * 0.8}
    fontWeight={600}
    textAnchor="middle"
    pointerEvents="none"
  >
    {sections.map((section) => (
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
);

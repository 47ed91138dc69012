// The live preview: the fans' seat map drawn from the generated seats, with a selection layer on
// top (click a seat, shift/ctrl-click to add, drag a box), selected seats ringed, seats that events
// depend on marked, and accessible seats dotted.
import type { GeneratedSeat, LayoutDocument } from '@tessera/contracts/layouts';
import { useMemo, useRef, useState, type PointerEvent } from 'react';
import { SeatMap } from '../catalog/seat-map.tsx';
import { seatAt, seatKeyOf, seatsInBox, type SeatKey } from './designer-model.ts';
import { toSeatMapLayout } from './preview-layout.ts';

interface LayoutPreviewProps {
  doc: LayoutDocument;
  seats: GeneratedSeat[];
  selected: Set<SeatKey>;
  locked: Set<SeatKey>;
  readOnly?: boolean;
  onSelect: (seats: GeneratedSeat[], mode: 'replace' | 'add') => void;
}

type Point = { x: number; y: number };

export const LayoutPreview = ({
  doc,
  seats,
  selected,
  locked,
  readOnly,
  onSelect,
}: LayoutPreviewProps) => {
  const { layout, priceTiers } = useMemo(() => toSeatMapLayout(doc, seats), [doc, seats]);
  const svg = useRef<SVGSVGElement>(null);
  const [drag, setDrag] = useState<{ from: Point; to: Point; add: boolean } | null>(null);
  const r = 0.45;
  const toLayout = (e: PointerEvent): Point => {
    const matrix = svg.current?.getScreenCTM();
    if (!matrix) return { x: 0, y: 0 };
    const p = new DOMPoint(e.clientX, e.clientY).matrixTransform(matrix.inverse());
    return { x: p.x, y: p.y };
  };
  const finish = (e: PointerEvent) => {
    if (!drag) return;
    const to = toLayout(e);
    const add = drag.add;
    setDrag(null);
    if (Math.hypot(to.x - drag.from.x, to.y - drag.from.y) < 0.6) {
      const hit = seatAt(seats, to, 0.8);
      onSelect(hit ? [hit] : [], add ? 'add' : 'replace');
    } else onSelect(seatsInBox(seats, drag.from, to), add ? 'add' : 'replace');
  };
  const marks = seats.filter(
    (s) => selected.has(seatKeyOf(s)) || locked.has(seatKeyOf(s)) || s.accessible,
  );
  return (
    <div className="relative select-none" data-testid="layout-preview">
      <SeatMap layout={layout} priceTiers={priceTiers} venueName="the layout preview" />
      <svg
        ref={svg}
        viewBox={`0 0 ${doc.width} ${doc.height}`}
        className={`absolute inset-0 h-full w-full ${readOnly ? '' : 'cursor-crosshair touch-none'}`}
        aria-hidden="true"
        data-testid="selection-layer"
        onPointerDown={(e) => {
          if (readOnly) return;
          e.currentTarget.setPointerCapture(e.pointerId);
          const p = toLayout(e);
          setDrag({ from: p, to: p, add: e.shiftKey || e.ctrlKey || e.metaKey });
        }}
        onPointerMove={(e) => drag && setDrag({ ...drag, to: toLayout(e) })}
        onPointerUp={finish}
        onPointerCancel={() => setDrag(null)}
      >
        {marks.map((s) => {
          const key = seatKeyOf(s);
          return (
            <g key={key}>
              {selected.has(key) && (
                <circle
                  cx={s.x}
                  cy={s.y}
                  r={r * 1.5}
                  fill="none"
                  stroke="#0f172a"
                  strokeWidth={0.22}
                />
              )}
              {locked.has(key) && (
                <circle
                  cx={s.x}
                  cy={s.y}
                  r={r * 1.15}
                  fill="none"
                  stroke="#f59e0b"
                  strokeWidth={0.18}
                  strokeDasharray="0.25 0.15"
                />
              )}
              {s.accessible && <circle cx={s.x} cy={s.y} r={r * 0.4} fill="#fff" />}
            </g>
          );
        })}
        {drag && (
          <rect
            x={Math.min(drag.from.x, drag.to.x)}
            y={Math.min(drag.from.y, drag.to.y)}
            width={Math.abs(drag.to.x - drag.from.x)}
            height={Math.abs(drag.to.y - drag.from.y)}
            fill="rgba(79,70,229,0.12)"
            stroke="#4f46e5"
            strokeWidth={0.15}
          />
        )}
      </svg>
    </div>
  );
};

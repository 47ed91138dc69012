// Where the seats of one generated row sit: along a straight line or on an arc, with aisles (gaps
// of empty seat slots). Screen convention: x right, y down, angles in degrees from +x towards +y.
import type { RowGeometry } from '@tessera/contracts/layouts';

export interface RowPoints {
  arcRadius: number | null;
  points: Array<{ x: number; y: number }>;
}

export interface RowPointsOptions {
  geometry: RowGeometry;
  /** 0-based index of the row within its block. */
  rowIndex: number;
  rowSpacing: number;
  seatCount: number;
  /** Aisle after the k-th seat (1-based); each is `gapWidth` empty slots wide. */
  gapsAfter: number[];
  gapWidth: number;
}

const toRadians = (degrees: number) => (degrees * Math.PI) / 180;
// Three decimals: plenty for drawing, and a large map stays compact as JSON.
const round = (value: number) => Math.round(value * 1000) / 1000;

/** Slot index of each seat once aisles push later seats along (gaps past the last seat ignored). */
export const seatSlots = (seatCount: number, gapsAfter: number[], gapWidth: number): number[] => {
  const gaps = [...new Set(gapsAfter)].filter((k) => k < seatCount);
  return Array.from(
    { length: seatCount },
    (_, i) => i + gapWidth * gaps.filter((k) => k <= i).length,
  );
};

/** Start and end angle of a curved geometry's arc. */
export const arcEnds = (arc: Extract<RowGeometry, { kind: 'curved' }>['arc']) =>
  arc.by === 'ends'
    ? { start: arc.startAngle, end: arc.endAngle }
    : { start: arc.middleAngle - arc.degrees / 2, end: arc.middleAngle + arc.degrees / 2 };

export const rowPoints = (o: RowPointsOptions): RowPoints => {
  const slots = seatSlots(o.seatCount, o.gapsAfter, o.gapWidth);
  const g = o.geometry;
  if (g.kind === 'straight') {
    const a = toRadians(g.angle);
    // Later rows step to the right of the direction of travel (down the page for angle 0).
    const rowX = -Math.sin(a) * o.rowSpacing * o.rowIndex;
    const rowY = Math.cos(a) * o.rowSpacing * o.rowIndex;
    return {
      arcRadius: null,
      points: slots.map((slot) => ({
        x: round(g.origin.x + rowX + Math.cos(a) * g.seatSpacing * slot),
        y: round(g.origin.y + rowY + Math.sin(a) * g.seatSpacing * slot),
      })),
    };
  }
  const radius = g.radius + o.rowSpacing * o.rowIndex;
  const { start, end } = arcEnds(g.arc);
  const lastSlot = slots.at(-1) ?? 0;
  const step = lastSlot > 0 ? (end - start) / lastSlot : 0;
  const first = lastSlot > 0 ? start : (start + end) / 2;
  return {
    arcRadius: radius,
    points: slots.map((slot) => {
      const angle = toRadians(first + step * slot);
      return {
        x: round(g.center.x + radius * Math.cos(angle)),
        y: round(g.center.y + radius * Math.sin(angle)),
      };
    }),
  };
};

// Pure geometry for seat maps: straight rows, rows on an arc, and sections of rows.
// Units: one layout unit is one seat pitch (about 0.5 m); a seat is drawn ~0.8 units wide, so
// seat centres at least 1 unit apart never overlap. Screen convention: x grows right, y grows
// down, and angles are in degrees measured from +x towards +y (90° points down the page).

export interface Point {
  x: number;
  y: number;
}

/** A seat as generated: `position` is its 1-based order along the row, `label` what fans see. */
export interface SeatPoint extends Point {
  position: number;
  label: string;
}

export interface RowPlan {
  label: string;
  /** Radius of the arc the row lies on; null for a straight row. */
  arcRadius: number | null;
  seats: SeatPoint[];
}

const toRadians = (degrees: number) => (degrees * Math.PI) / 180;
// Coordinates keep three decimals: plenty for drawing, and an 11k-seat map stays compact as JSON.
const round = (value: number) => Math.round(value * 1000) / 1000;

const numbered = (points: Point[]): SeatPoint[] =>
  points.map((p, i) => ({ x: round(p.x), y: round(p.y), position: i + 1, label: String(i + 1) }));

export interface StraightRowOptions {
  start: Point;
  count: number;
  /** Distance between neighbouring seat centres. */
  pitch: number;
  /** Direction of travel along the row, in degrees (0 = towards +x). */
  direction?: number;
}

/** `count` seats from `start`, `pitch` apart, along `direction`. */
export const straightRow = ({ start, count, pitch, direction = 0 }: StraightRowOptions) => {
  const dx = Math.cos(toRadians(direction)) * pitch;
  const dy = Math.sin(toRadians(direction)) * pitch;
  return numbered(
    Array.from({ length: count }, (_, i) => ({ x: start.x + dx * i, y: start.y + dy * i })),
  );
};

export interface CurvedRowOptions {
  center: Point;
  radius: number;
  startAngle: number;
  endAngle: number;
  count: number;
}

/** `count` seats evenly spaced on the arc from `startAngle` to `endAngle` (both ends included). */
export const curvedRow = ({ center, radius, startAngle, endAngle, count }: CurvedRowOptions) => {
  const step = count > 1 ? (endAngle - startAngle) / (count - 1) : 0;
  const first = count > 1 ? startAngle : (startAngle + endAngle) / 2;
  return numbered(
    Array.from({ length: count }, (_, i) => {
      const angle = toRadians(first + step * i);
      return { x: center.x + radius * Math.cos(angle), y: center.y + radius * Math.sin(angle) };
    }),
  );
};

/** Angle (degrees) between neighbouring seats on an arc of `radius` whose centres are `pitch` apart. */
export const pitchAngle = (radius: number, pitch: number) =>
  (2 * Math.asin(Math.min(1, pitch / (2 * radius))) * 180) / Math.PI;

/** How many seats fit on an arc of `radius` between two angles with centres `pitch` apart. */
export const seatsOnArc = (o: {
  radius: number;
  startAngle: number;
  endAngle: number;
  pitch: number;
}) => Math.floor(Math.abs(o.endAngle - o.startAngle) / pitchAngle(o.radius, o.pitch) + 1e-9) + 1;

/** Row labels: A…Z, then AA, AB… (`letters`), or 1, 2, 3… (`numbers`). */
export const rowLabel = (index: number, style: 'letters' | 'numbers'): string => {
  if (style === 'numbers') return String(index + 1);
  const letter = String.fromCharCode(65 + (index % 26));
  return index < 26 ? letter : rowLabel(Math.floor(index / 26) - 1, 'letters') + letter;
};

export interface CurvedSectionOptions {
  center: Point;
  startAngle: number;
  endAngle: number;
  firstRadius: number;
  rowCount: number;
  rowSpacing: number;
  pitch: number;
  /** Half of the aisle (in units) kept free at each end of every row, so sections never touch. */
  aisle: number;
  labels: 'letters' | 'numbers';
}

/** Rows on concentric arcs; each row holds as many seats as fit `pitch` apart between the aisles. */
export const curvedSection = (o: CurvedSectionOptions): RowPlan[] =>
  Array.from({ length: o.rowCount }, (_, i) => {
    const radius = o.firstRadius + i * o.rowSpacing;
    const inset = (o.aisle / radius) * (180 / Math.PI);
    const startAngle = o.startAngle + inset;
    const endAngle = o.endAngle - inset;
    const count = seatsOnArc({ radius, startAngle, endAngle, pitch: o.pitch });
    // Shrink the arc to exactly count-1 pitches, centred, so neighbours are exactly `pitch` apart.
    const half = ((count - 1) * pitchAngle(radius, o.pitch)) / 2;
    const mid = (startAngle + endAngle) / 2;
    return {
      label: rowLabel(i, o.labels),
      arcRadius: radius,
      seats: curvedRow({
        center: o.center,
        radius,
        startAngle: mid - half,
        endAngle: mid + half,
        count,
      }),
    };
  });

export interface StraightSectionOptions {
  /** Centre of the first row. */
  origin: Point;
  seatsPerRow: number;
  rowCount: number;
  rowSpacing: number;
  pitch: number;
  labels: 'letters' | 'numbers';
  /** Which way successive rows go: +1 = down the page (away from a stage above), -1 = up. */
  rowDirection?: 1 | -1;
}

/** A block of straight, centred rows, each `rowSpacing` behind the previous one. */
export const straightSection = (o: StraightSectionOptions): RowPlan[] =>
  Array.from({ length: o.rowCount }, (_, i) => ({
    label: rowLabel(i, o.labels),
    arcRadius: null,
    seats: straightRow({
      start: {
        x: o.origin.x - ((o.seatsPerRow - 1) * o.pitch) / 2,
        y: o.origin.y + (o.rowDirection ?? 1) * i * o.rowSpacing,
      },
      count: o.seatsPerRow,
      pitch: o.pitch,
    }),
  }));

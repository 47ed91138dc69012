// Pure geometry for drawing a venue layout: seats grouped by section, label spots and seat size.
import type { VenueLayout } from '@tessera/contracts/catalog';

export interface SectionDrawing {
  id: number;
  name: string;
  /** Flat [x0, y0, tierId0, x1, y1, tierId1, …] to keep 12k seats cheap to hold and iterate. */
  seats: number[];
  /** Seat ids in the same order as `seats` (one per x, y, tierId triple). */
  seatIds: number[];
  label: { x: number; y: number };
}

export interface LayoutDrawing {
  sections: SectionDrawing[];
  seatRadius: number;
  seatCount: number;
}

/** Label spot: centred horizontally over the section, just above its top-most seat. */
const labelSpot = (seats: number[], gap: number) => {
  let minX = Infinity;
  let maxX = -Infinity;
  let minY = Infinity;
  for (let i = 0; i < seats.length; i += 3) {
    minX = Math.min(minX, seats[i] as number);
    maxX = Math.max(maxX, seats[i] as number);
    minY = Math.min(minY, seats[i + 1] as number);
  }
  return { x: (minX + maxX) / 2, y: minY - gap };
};

/** Seat radius from the typical distance between neighbouring seats in a row (median of rows). */
export const estimateSeatRadius = (layout: VenueLayout): number => {
  const lastInRow = new Map<number, { x: number; y: number }>();
  const gaps: number[] = [];
  for (const seat of layout.seats) {
    const previous = lastInRow.get(seat.rowId);
    if (previous) gaps.push(Math.hypot(seat.x - previous.x, seat.y - previous.y));
    lastInRow.set(seat.rowId, seat);
    if (gaps.length >= 2000) break;
  }
  const positive = gaps.filter((g) => g > 0).sort((a, b) => a - b);
  const median = positive[Math.floor(positive.length / 2)];
  return median !== undefined ? median * 0.4 : Math.max(layout.width, layout.height) / 300;
};

export const buildLayoutDrawing = (layout: VenueLayout): LayoutDrawing => {
  const sectionOfRow = new Map(layout.rows.map((row) => [row.id, row.sectionId]));
  const seatsBySection = new Map<number, number[]>(layout.sections.map((s) => [s.id, []]));
  const idsBySection = new Map<number, number[]>(layout.sections.map((s) => [s.id, []]));
  for (const seat of layout.seats) {
    const sectionId = sectionOfRow.get(seat.rowId);
    if (sectionId === undefined) continue;
    seatsBySection.get(sectionId)?.push(seat.x, seat.y, seat.tierId);
    idsBySection.get(sectionId)?.push(seat.id);
  }
  const seatRadius = estimateSeatRadius(layout);
  const sections = layout.sections
    .map((section) => {
      const seats = seatsBySection.get(section.id) ?? [];
      return {
        id: section.id,
        name: section.name,
        seats,
        seatIds: idsBySection.get(section.id) ?? [],
        label: labelSpot(seats, seatRadius * 4),
      };
    })
    .filter((section) => section.seats.length > 0);
  return { sections, seatRadius, seatCount: layout.seats.length };
};

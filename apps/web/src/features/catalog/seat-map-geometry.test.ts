import type { VenueLayout } from '@tessera/contracts/catalog';
import { describe, expect, it } from 'vitest';
import { buildLayoutDrawing, estimateSeatRadius } from './seat-map-geometry.ts';

const seat = (id: number, rowId: number, x: number, y: number, tierId = 1) => ({
  id,
  rowId,
  label: String(id),
  x,
  y,
  tierId,
  accessible: false,
});

const layout: VenueLayout = {
  version: 1,
  width: 200,
  height: 100,
  stage: { x: 100, y: 10 },
  sections: [
    { id: 1, code: 'A', name: 'Stalls' },
    { id: 2, code: 'B', name: 'Balcony' },
    { id: 3, code: 'C', name: 'Empty' },
  ],
  rows: [
    { id: 10, sectionId: 1, label: 'A' },
    { id: 20, sectionId: 2, label: 'A' },
  ],
  seats: [
    seat(1, 10, 10, 50),
    seat(2, 10, 20, 50),
    seat(3, 10, 30, 50, 2),
    seat(4, 20, 100, 80),
    seat(5, 20, 110, 80),
  ],
};

describe('buildLayoutDrawing', () => {
  it('groups seats by section and drops sections without seats', () => {
    const drawing = buildLayoutDrawing(layout);
    expect(drawing.seatCount).toBe(5);
    expect(drawing.sections.map((s) => [s.name, s.seats.length / 3])).toEqual([
      ['Stalls', 3],
      ['Balcony', 2],
    ]);
    expect(drawing.sections[0]?.seats.slice(6)).toEqual([30, 50, 2]);
    expect(drawing.sections.map((s) => s.seatIds)).toEqual([
      [1, 2, 3],
      [4, 5],
    ]);
  });

  it('places each label centred above its section', () => {
    const [stalls] = buildLayoutDrawing(layout).sections;
    expect(stalls?.label.x).toBe(20);
    expect(stalls?.label.y).toBeLessThan(50);
  });
});

describe('estimateSeatRadius', () => {
  it('is a fraction of the spacing between neighbours in a row', () => {
    expect(estimateSeatRadius(layout)).toBe(4);
  });
});

// Seat generation: expected coordinates are computed here from the geometry (cos/sin of the
// angles a seat should sit at), never by calling the generator's own helpers.
import type { RowBlock } from '@tessera/contracts/layouts';
import { describe, expect, it } from 'vitest';
import { generateLayout } from './generate-layout.ts';
import { block, layoutDocument, section } from './layout-test-documents.ts';

const deg = (d: number) => (d * Math.PI) / 180;
const onCircle = (cx: number, cy: number, r: number, angle: number) => ({
  x: cx + r * Math.cos(deg(angle)),
  y: cy + r * Math.sin(deg(angle)),
});
const seatsOf = (blocks: Parameters<typeof section>[0]) =>
  generateLayout(layoutDocument({ sections: [section(blocks)] })).seats;

describe('generateLayout: curved rows', () => {
  const curved = block({
    geometry: {
      kind: 'curved',
      center: { x: 50, y: 10 },
      radius: 20,
      arc: { by: 'ends', startAngle: 30, endAngle: 150 },
    },
    rowCount: 2,
    rowSpacing: 2,
    seatsPerRow: 5,
  });

  it('spreads the seats of each row evenly over the arc, the radius growing row by row', () => {
    const seats = seatsOf({ blocks: [curved] });
    expect(seats).toHaveLength(10);
    const expected = [20, 22].flatMap((radius) =>
      [30, 60, 90, 120, 150].map((angle) => onCircle(50, 10, radius, angle)),
    );
    seats.forEach((seat, i) => {
      expect(seat.x).toBeCloseTo(expected[i]!.x, 3);
      expect(seat.y).toBeCloseTo(expected[i]!.y, 3);
    });
    expect(seats.map((s) => `${s.row}${s.label}`)).toEqual([
      'A1',
      'A2',
      'A3',
      'A4',
      'A5',
      'B1',
      'B2',
      'B3',
      'B4',
      'B5',
    ]);
    expect(seats.map((s) => s.position)).toEqual([1, 2, 3, 4, 5, 1, 2, 3, 4, 5]);
  });

  it('records each row’s arc radius, and null for straight rows', () => {
    const { rows } = generateLayout(
      layoutDocument({
        sections: [
          section({
            blocks: [curved, block({ id: 'b2', rowLabels: { scheme: 'letters', start: 5 } })],
          }),
        ],
      }),
    );
    expect(rows.map((r) => [r.label, r.arcRadius, r.sortOrder])).toEqual([
      ['A', 20, 0],
      ['B', 22, 1],
      ['F', null, 2],
    ]);
  });

  it('centres an arc given by its width in degrees on the middle angle', () => {
    const seats = seatsOf({
      blocks: [
        block({
          geometry: {
            kind: 'curved',
            center: { x: 0, y: 0 },
            radius: 30,
            arc: { by: 'span', middleAngle: 90, degrees: 40 },
          },
          seatsPerRow: 3,
        }),
      ],
    });
    const expected = [70, 90, 110].map((a) => onCircle(0, 0, 30, a));
    expect(seats.map((s) => [s.x, s.y])).toEqual(
      expected.map((p) => [expect.closeTo(p.x, 3), expect.closeTo(p.y, 3)]),
    );
  });

  it('puts a single seat in the middle of its arc', () => {
    const seats = seatsOf({
      blocks: [block({ geometry: { ...curved.geometry }, seatsPerRow: 1 })],
    });
    const mid = onCircle(50, 10, 20, 90);
    expect(seats[0]!.x).toBeCloseTo(mid.x, 3);
    expect(seats[0]!.y).toBeCloseTo(mid.y, 3);
  });

  it('leaves aisle slots empty on an arc', () => {
    const seats = seatsOf({
      blocks: [
        block({
          geometry: {
            kind: 'curved',
            center: { x: 0, y: 0 },
            radius: 40,
            arc: { by: 'ends', startAngle: 0, endAngle: 90 },
          },
          seatsPerRow: 4,
          gapsAfter: [2],
          gapWidth: 1,
        }),
      ],
    });
    // Five slots over 90°: seats in slots 0, 1, 3, 4 (slot 2 is the aisle).
    const expected = [0, 22.5, 67.5, 90].map((a) => onCircle(0, 0, 40, a));
    seats.forEach((seat, i) => {
      expect(seat.x).toBeCloseTo(expected[i]!.x, 3);
      expect(seat.y).toBeCloseTo(expected[i]!.y, 3);
    });
    expect(seats.map((s) => s.label)).toEqual(['1', '2', '3', '4']);
  });
});

describe('generateLayout: straight rows', () => {
  it('steps seats along the angle and later rows to its right', () => {
    const seats = seatsOf({
      blocks: [
        block({
          geometry: { kind: 'straight', origin: { x: 40, y: 40 }, angle: 90, seatSpacing: 1.5 },
          rowCount: 2,
          rowSpacing: 2,
          seatsPerRow: 2,
        }),
      ],
    });
    // Travelling down the page (+y), the row to the right is towards -x.
    expect(seats.map((s) => [s.row, s.x, s.y])).toEqual([
      ['A', 40, 40],
      ['A', 40, 41.5],
      ['B', 38, 40],
      ['B', 38, 41.5],
    ]);
  });

  it('widens aisles by gapWidth empty slots', () => {
    const seats = seatsOf({
      blocks: [block({ seatsPerRow: 6, gapsAfter: [3], gapWidth: 2 })],
    });
    expect(seats.map((s) => s.x)).toEqual([10, 11, 12, 15, 16, 17]);
    expect(seats.map((s) => s.position)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('labels rows with numbers from an offset', () => {
    const seats = seatsOf({
      blocks: [block({ rowCount: 3, seatsPerRow: 1, rowLabels: { scheme: 'numbers', start: 9 } })],
    });
    expect(seats.map((s) => s.row)).toEqual(['10', '11', '12']);
  });

  it('continues letter labels past Z with AA', () => {
    const seats = seatsOf({
      blocks: [
        block({
          rowCount: 3,
          seatsPerRow: 1,
          rowSpacing: 1,
          rowLabels: { scheme: 'letters', start: 25 },
        }),
      ],
    });
    expect(seats.map((s) => s.row)).toEqual(['Z', 'AA', 'AB']);
  });
});

describe('generateLayout: numbering schemes', () => {
  const labels = (numbering: RowBlock['numbering'], seatsPerRow = 5) =>
    seatsOf({ blocks: [block({ seatsPerRow, numbering })] }).map((s) => s.label);

  it('numbers left to right from the first number', () => {
    expect(labels({ scheme: 'left-to-right', first: 101 })).toEqual([
      '101',
      '102',
      '103',
      '104',
      '105',
    ]);
  });

  it('numbers right to left', () => {
    expect(labels({ scheme: 'right-to-left', first: 1 })).toEqual(['5', '4', '3', '2', '1']);
  });

  it('puts odd numbers on the start half and even ones on the end half, lowest in the middle', () => {
    expect(labels({ scheme: 'odd-even', first: 1 })).toEqual(['5', '3', '1', '2', '4']);
    expect(labels({ scheme: 'odd-even', first: 1 }, 6)).toEqual(['5', '3', '1', '2', '4', '6']);
  });

  it('keeps positions in generation order whatever the labels', () => {
    const seats = seatsOf({
      blocks: [block({ seatsPerRow: 3, numbering: { scheme: 'right-to-left', first: 1 } })],
    });
    expect(seats.map((s) => [s.label, s.position, s.x])).toEqual([
      ['3', 1, 10],
      ['2', 2, 11],
      ['1', 3, 12],
    ]);
  });
});

describe('generateLayout: seat edits and tiers', () => {
  it('removes a seat, keeping the other labels and renumbering positions', () => {
    const seats = seatsOf({ seatOverrides: [{ row: 'A', seat: '2', removed: true }] });
    expect(seats.map((s) => [s.label, s.position, s.x])).toEqual([
      ['1', 1, 10],
      ['3', 2, 12],
      ['4', 3, 13],
    ]);
  });

  it('flags accessible seats', () => {
    const seats = seatsOf({ seatOverrides: [{ row: 'A', seat: '4', accessible: true }] });
    expect(seats.filter((s) => s.accessible).map((s) => s.label)).toEqual(['4']);
  });

  it('resolves a seat’s tier: seat edit, then row, then block, then section', () => {
    const seats = seatsOf({
      tierCode: 'A',
      blocks: [
        block({ rowCount: 2, seatsPerRow: 2 }),
        block({
          id: 'b2',
          rowLabels: { scheme: 'letters', start: 2 },
          seatsPerRow: 2,
          tierCode: 'B',
          geometry: { kind: 'straight', origin: { x: 10, y: 30 }, angle: 0, seatSpacing: 1 },
        }),
      ],
      rowOverrides: [{ row: 'B', tierCode: 'B' }],
      seatOverrides: [{ row: 'B', seat: '1', tierCode: 'A' }],
    });
    expect(seats.map((s) => `${s.row}${s.label}:${s.tierCode}`)).toEqual([
      'A1:A',
      'A2:A',
      'B1:A',
      'B2:B',
      'C1:B',
      'C2:B',
    ]);
  });

  it('reports edits that name no seat', () => {
    const { unmatched } = generateLayout(
      layoutDocument({
        sections: [
          section({
            seatOverrides: [{ row: 'A', seat: '9', removed: true }],
            rowOverrides: [{ row: 'Q', tierCode: 'B' }],
          }),
        ],
      }),
    );
    expect(unmatched).toEqual([
      { section: 'S1', row: 'Q' },
      { section: 'S1', row: 'A', seat: '9' },
    ]);
  });
});

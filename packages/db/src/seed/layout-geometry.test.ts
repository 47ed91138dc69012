import { describe, expect, it } from 'vitest';
import {
  curvedRow,
  curvedSection,
  rowLabel,
  seatsOnArc,
  straightRow,
  straightSection,
  type Point,
} from './layout-geometry.ts';

const distance = (a: Point, b: Point) => Math.hypot(a.x - b.x, a.y - b.y);
const neighbours = <T>(items: T[]) => items.slice(1).map((item, i) => [items[i]!, item] as const);

describe('straightRow', () => {
  it('places seats pitch apart from the start, numbered in order along the row', () => {
    const seats = straightRow({ start: { x: 2, y: 5 }, count: 4, pitch: 1.5 });
    expect(seats).toEqual([
      { x: 2, y: 5, position: 1, label: '1' },
      { x: 3.5, y: 5, position: 2, label: '2' },
      { x: 5, y: 5, position: 3, label: '3' },
      { x: 6.5, y: 5, position: 4, label: '4' },
    ]);
  });

  it('follows the given direction', () => {
    const seats = straightRow({ start: { x: 0, y: 0 }, count: 3, pitch: 2, direction: 90 });
    expect(seats.map((s) => [s.x, s.y])).toEqual([
      [0, 0],
      [0, 2],
      [0, 4],
    ]);
  });
});

describe('curvedRow', () => {
  const center = { x: 10, y: -4 };

  it('puts the ends on the start and end angles and the middle seat halfway', () => {
    const seats = curvedRow({ center, radius: 10, startAngle: 0, endAngle: 90, count: 3 });
    expect(seats[0]).toMatchObject({ x: 20, y: -4, position: 1, label: '1' });
    expect(seats[1]!.x).toBeCloseTo(10 + 10 * Math.SQRT1_2, 2);
    expect(seats[1]!.y).toBeCloseTo(-4 + 10 * Math.SQRT1_2, 2);
    expect(seats[2]).toMatchObject({ x: 10, y: 6, position: 3, label: '3' });
  });

  it('keeps every seat on the circle, evenly spaced, with labels in order', () => {
    const seats = curvedRow({ center, radius: 37.5, startAngle: -20, endAngle: 215, count: 41 });
    for (const seat of seats) expect(distance(seat, center)).toBeCloseTo(37.5, 2);
    const gaps = neighbours(seats).map(([a, b]) => distance(a, b));
    for (const gap of gaps) expect(gap).toBeCloseTo(gaps[0]!, 2);
    expect(seats.map((s) => s.label)).toEqual(seats.map((_, i) => String(i + 1)));
    expect(seats.map((s) => s.position)).toEqual(seats.map((_, i) => i + 1));
  });

  it('centres a single seat on the arc', () => {
    const [seat] = curvedRow({
      center: { x: 0, y: 0 },
      radius: 5,
      startAngle: 0,
      endAngle: 180,
      count: 1,
    });
    expect(seat).toMatchObject({ x: 0, y: 5, position: 1 });
  });
});

describe('seatsOnArc', () => {
  it('counts the seats that fit a quarter circle of radius 20 at pitch 1', () => {
    // Neighbours 1 apart on radius 20 are 2·asin(1/40) ≈ 2.865° apart: 90° holds 31 gaps.
    expect(seatsOnArc({ radius: 20, startAngle: 0, endAngle: 90, pitch: 1 })).toBe(32);
  });
});

describe('rowLabel', () => {
  it('spells rows A…Z then AA, AB…, or numbers from 1', () => {
    expect([0, 1, 25, 26, 27, 51, 52].map((i) => rowLabel(i, 'letters'))).toEqual([
      'A',
      'B',
      'Z',
      'AA',
      'AB',
      'AZ',
      'BA',
    ]);
    expect([0, 9].map((i) => rowLabel(i, 'numbers'))).toEqual(['1', '10']);
  });
});

describe('curvedSection', () => {
  const center = { x: 0, y: 0 };
  const rows = curvedSection({
    center,
    startAngle: 30,
    endAngle: 80,
    firstRadius: 20,
    rowCount: 5,
    rowSpacing: 1.2,
    pitch: 1,
    aisle: 1,
    labels: 'letters',
  });

  it('puts row i on the arc of radius firstRadius + i × rowSpacing and records it', () => {
    expect(rows.map((r) => r.label)).toEqual(['A', 'B', 'C', 'D', 'E']);
    rows.forEach((row, i) => {
      expect(row.arcRadius).toBeCloseTo(20 + i * 1.2, 6);
      for (const seat of row.seats) expect(distance(seat, center)).toBeCloseTo(20 + i * 1.2, 2);
    });
  });

  it('spaces neighbouring seat centres exactly one pitch apart and grows rows further back', () => {
    for (const row of rows) {
      for (const [a, b] of neighbours(row.seats)) expect(distance(a, b)).toBeCloseTo(1, 2);
    }
    expect(rows.at(-1)!.seats.length).toBeGreaterThan(rows[0]!.seats.length);
  });

  it('keeps every seat at least `aisle` (along the arc) inside the section edges', () => {
    for (const row of rows) {
      const angles = row.seats.map((s) => (Math.atan2(s.y, s.x) * 180) / Math.PI);
      const aisleDegrees = (1 / row.arcRadius!) * (180 / Math.PI);
      expect(Math.min(...angles)).toBeGreaterThanOrEqual(30 + aisleDegrees - 1e-3);
      expect(Math.max(...angles)).toBeLessThanOrEqual(80 - aisleDegrees + 1e-3);
    }
  });
});

describe('straightSection', () => {
  it('stacks centred rows rowSpacing apart', () => {
    const rows = straightSection({
      origin: { x: 10, y: 3 },
      seatsPerRow: 5,
      rowCount: 3,
      rowSpacing: 1.5,
      pitch: 1,
      labels: 'numbers',
    });
    expect(rows.map((r) => [r.label, r.arcRadius])).toEqual([
      ['1', null],
      ['2', null],
      ['3', null],
    ]);
    expect(rows[2]!.seats.map((s) => [s.x, s.y])).toEqual([
      [8, 6],
      [9, 6],
      [10, 6],
      [11, 6],
      [12, 6],
    ]);
  });
});

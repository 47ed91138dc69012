import { describe, expect, it } from 'vitest';
import { VENUE_PLANS } from './seed-demo-data.ts';
import { seatCount, type SeatPlan } from './venue-plan.ts';

// Seats are drawn ~0.8 units wide, so centres closer than 1 unit would overlap on the map.
// Coordinates are rounded to 0.001, which may shorten a 1-unit gap by up to ~0.0014.
const MIN_GAP = 1 - 0.0015;

/** Closest pair of seat centres, using a grid of 1-unit cells (only neighbouring cells compared). */
const closestPair = (seats: SeatPlan[]) => {
  const cells = new Map<string, SeatPlan[]>();
  for (const s of seats) {
    const key = `${Math.floor(s.x)},${Math.floor(s.y)}`;
    cells.set(key, [...(cells.get(key) ?? []), s]);
  }
  let best = Infinity;
  for (const s of seats) {
    for (let dx = -1; dx <= 1; dx += 1) {
      for (let dy = -1; dy <= 1; dy += 1) {
        for (const o of cells.get(`${Math.floor(s.x) + dx},${Math.floor(s.y) + dy}`) ?? []) {
          if (o !== s) best = Math.min(best, Math.hypot(s.x - o.x, s.y - o.y));
        }
      }
    }
  }
  return best;
};

describe.each(VENUE_PLANS.map((p) => [p.name, p] as const))('%s', (_name, plan) => {
  const seats = plan.sections.flatMap((s) => s.rows.flatMap((r) => r.seats));

  it('has no two seats closer than one unit and every seat inside the drawing', () => {
    expect(closestPair(seats)).toBeGreaterThanOrEqual(MIN_GAP);
    for (const s of seats) {
      expect(s.x).toBeGreaterThanOrEqual(0);
      expect(s.x).toBeLessThanOrEqual(plan.width);
      expect(s.y).toBeGreaterThanOrEqual(0);
      expect(s.y).toBeLessThanOrEqual(plan.height);
    }
  });

  it('numbers seats 1..n along each row and labels rows uniquely per section', () => {
    for (const section of plan.sections) {
      expect(new Set(section.rows.map((r) => r.label)).size).toBe(section.rows.length);
      for (const row of section.rows) {
        expect(row.seats.map((s) => s.position)).toEqual(row.seats.map((_, i) => i + 1));
      }
    }
  });

  it('prices every seat with one of its tiers, uses every tier, and has accessible seats', () => {
    const codes = new Set(plan.tiers.map((t) => t.code));
    expect(seats.every((s) => codes.has(s.tierCode))).toBe(true);
    expect(new Set(seats.map((s) => s.tierCode))).toEqual(codes);
    expect(seats.some((s) => s.accessible)).toBe(true);
  });

  it('puts cheaper tiers further from the stage', () => {
    const byTier = plan.tiers.map((t) => {
      const distances = seats
        .filter((s) => s.tierCode === t.code)
        .map((s) => Math.hypot(s.x - plan.stage.x, s.y - plan.stage.y));
      return {
        price: t.defaultPriceCents,
        mean: distances.reduce((a, b) => a + b, 0) / distances.length,
      };
    });
    const byPrice = [...byTier].sort((a, b) => b.price - a.price);
    const means = byPrice.map((t) => t.mean);
    expect(means).toEqual([...means].sort((a, b) => a - b));
  });
});

it('includes an arena of 10,000+ seats in 4+ sections of curved rows', () => {
  const arena = VENUE_PLANS.find((p) => seatCount(p) >= 10_000);
  expect(arena).toBeDefined();
  const curved = arena!.sections.filter((s) => s.rows.every((r) => r.arcRadius !== null));
  expect(curved.length).toBeGreaterThanOrEqual(4);
});

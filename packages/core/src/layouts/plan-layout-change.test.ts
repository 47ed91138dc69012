// Seat identity across layout edits: same (section, row, label) keeps the id.
import { describe, expect, it } from 'vitest';
import { planLayoutChange, type ExistingSeat } from './plan-layout-change.ts';

const existing: ExistingSeat[] = [
  { id: 11, section: 'S1', row: 'A', label: '1', x: 10, y: 20 },
  { id: 12, section: 'S1', row: 'A', label: '2', x: 11, y: 20 },
  { id: 13, section: 'S1', row: 'A', label: '3', x: 12, y: 20 },
];
const seat = (label: string, x: number, row = 'A') => ({
  section: 'S1',
  row,
  label,
  position: 1,
  x,
  y: 20,
  tierCode: 'A',
  accessible: false,
});

describe('planLayoutChange', () => {
  it('keeps ids of surviving labels, adds new ones and drops the rest', () => {
    const change = planLayoutChange(existing, [seat('1', 10), seat('3', 12.0004), seat('4', 13)]);
    expect(change.kept.map((k) => [k.id, k.seat.label])).toEqual([
      [11, '1'],
      [13, '3'],
    ]);
    expect(change.added.map((s) => s.label)).toEqual(['4']);
    expect(change.dropped.map((s) => s.id)).toEqual([12]);
    expect(change.moved).toEqual([]);
  });

  it('reports kept seats whose coordinates change as moved', () => {
    const change = planLayoutChange(existing, [seat('1', 10), seat('2', 11.5), seat('3', 12)]);
    expect(change.moved.map((s) => s.id)).toEqual([12]);
  });

  it('treats the same seat label in another row as a different seat', () => {
    const change = planLayoutChange(existing, [seat('1', 10, 'B')]);
    expect(change.kept).toEqual([]);
    expect(change.dropped.map((s) => s.id)).toEqual([11, 12, 13]);
  });
});

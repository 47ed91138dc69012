// Selection edits become document overrides: whole sections set the section tier, whole rows row
// tiers, single seats seat tiers; removal and accessibility are seat edits keyed by labels.
import type { GeneratedSeat, LayoutDocument } from '@tessera/contracts/layouts';
import { describe, expect, it } from 'vitest';
import {
  assignTier,
  newDocument,
  newSection,
  removeSeats,
  restoreRemoved,
  seatAt,
  seatsInBox,
  toggleAccessible,
} from './designer-model.ts';

const seat = (
  row: string,
  label: string,
  x: number,
  y: number,
  accessible = false,
): GeneratedSeat => ({
  section: 'S1',
  row,
  label,
  position: Number(label),
  x,
  y,
  tierCode: 'P2',
  accessible,
});
const all = [
  seat('A', '1', 10, 10),
  seat('A', '2', 11, 10),
  seat('B', '1', 10, 12),
  seat('B', '2', 11, 12),
];
const doc = (): LayoutDocument => {
  const d = newDocument();
  return { ...d, sections: [{ ...newSection(d, 'straight'), code: 'S1' }] };
};

describe('assignTier', () => {
  it('sets the section tier when the whole section is selected, clearing finer tiers', () => {
    const start = doc();
    start.sections[0]!.rowOverrides = [{ row: 'A', tierCode: 'P2' }];
    const next = assignTier(start, all, all, 'P1');
    expect(next.sections[0]).toMatchObject({ tierCode: 'P1', rowOverrides: [], seatOverrides: [] });
  });

  it('gives whole rows a row tier and single seats a seat tier', () => {
    const next = assignTier(doc(), all, [all[0]!, all[1]!, all[2]!], 'P1');
    expect(next.sections[0]!.rowOverrides).toEqual([{ row: 'A', tierCode: 'P1' }]);
    expect(next.sections[0]!.seatOverrides).toEqual([{ row: 'B', seat: '1', tierCode: 'P1' }]);
  });
});

describe('seat edits', () => {
  it('removes seats by row and label, and restores them', () => {
    const removed = removeSeats(doc(), [all[3]!]);
    expect(removed.sections[0]!.seatOverrides).toEqual([{ row: 'B', seat: '2', removed: true }]);
    expect(restoreRemoved(removed, 'S1').sections[0]!.seatOverrides).toEqual([]);
  });

  it('flags a selection accessible, and clears the flag when all already have it', () => {
    const flagged = toggleAccessible(doc(), [all[0]!]);
    expect(flagged.sections[0]!.seatOverrides).toEqual([{ row: 'A', seat: '1', accessible: true }]);
    const cleared = toggleAccessible(flagged, [seat('A', '1', 10, 10, true)]);
    expect(cleared.sections[0]!.seatOverrides).toEqual([]);
  });
});

describe('hit testing', () => {
  it('selects seats inside a box drawn in any direction', () => {
    expect(
      seatsInBox(all, { x: 11.5, y: 12.5 }, { x: 10.5, y: 9 }).map((s) => s.row + s.label),
    ).toEqual(['A2', 'B2']);
  });

  it('finds the nearest seat within reach only', () => {
    expect(seatAt(all, { x: 10.9, y: 10.2 }, 0.8)).toBe(all[1]);
    expect(seatAt(all, { x: 20, y: 20 }, 0.8)).toBeUndefined();
  });
});

// Small layout documents for the layout tests (unit and integration), built from a few knobs.
import type { LayoutDocument, RowBlock, SectionSpec } from '@tessera/contracts/layouts';

export const block = (overrides: Partial<RowBlock> = {}): RowBlock => ({
  id: 'b1',
  geometry: { kind: 'straight', origin: { x: 10, y: 20 }, angle: 0, seatSpacing: 1 },
  rowCount: 1,
  rowSpacing: 1.5,
  seatsPerRow: 4,
  rowLabels: { scheme: 'letters', start: 0 },
  numbering: { scheme: 'left-to-right', first: 1 },
  gapsAfter: [],
  gapWidth: 1,
  ...overrides,
});

export const section = (overrides: Partial<SectionSpec> = {}): SectionSpec => ({
  code: 'S1',
  name: 'Stalls',
  tierCode: 'A',
  blocks: [block()],
  rowOverrides: [],
  seatOverrides: [],
  ...overrides,
});

export const layoutDocument = (overrides: Partial<LayoutDocument> = {}): LayoutDocument => ({
  schemaVersion: 1,
  width: 100,
  height: 100,
  stage: { x: 50, y: 5 },
  minSeatSpacing: 0.9,
  tiers: [
    { code: 'A', name: 'Front', color: '#e11d48', defaultPriceCents: 5000 },
    { code: 'B', name: 'Back', color: '#2563eb', defaultPriceCents: 3000 },
  ],
  sections: [section()],
  ...overrides,
});

// The designer's document edits as pure functions: new sections and row blocks with sensible
// defaults, and selection actions (tier, removal, accessibility) written as overrides that survive
// regeneration because they name seats by row and label.
import type {
  GeneratedSeat,
  LayoutDocument,
  RowBlock,
  SectionSpec,
  SeatOverride,
} from '@tessera/contracts/layouts';

export type SeatKey = string;
export const seatKeyOf = (s: Pick<GeneratedSeat, 'section' | 'row' | 'label'>): SeatKey =>
  `${s.section}|${s.row}|${s.label}`;
const rowKeyOf = (s: Pick<GeneratedSeat, 'section' | 'row'>) => `${s.section}|${s.row}`;

const TIER_COLORS = ['#e11d48', '#7c3aed', '#2563eb', '#0d9488', '#d97706', '#475569'];

export const newDocument = (): LayoutDocument => ({
  schemaVersion: 1,
  // Small enough that the first sections fill the preview; the admin enlarges it as needed.
  width: 64,
  height: 40,
  stage: { x: 32, y: 4 },
  minSeatSpacing: 0.9,
  tiers: [
    { code: 'P1', name: 'Premium', color: TIER_COLORS[0]!, defaultPriceCents: 8000 },
    { code: 'P2', name: 'Standard', color: TIER_COLORS[2]!, defaultPriceCents: 4500 },
  ],
  sections: [],
});

let blockCounter = 0;
export const newBlockId = () => `b${Date.now().toString(36)}${(blockCounter++).toString(36)}`;

export const straightBlock = (doc: LayoutDocument, y: number): RowBlock => ({
  id: newBlockId(),
  geometry: { kind: 'straight', origin: { x: doc.stage.x - 7, y }, angle: 0, seatSpacing: 1 },
  rowCount: 4,
  rowSpacing: 1.4,
  seatsPerRow: 15,
  rowLabels: { scheme: 'letters', start: 0 },
  numbering: { scheme: 'left-to-right', first: 1 },
  gapsAfter: [],
  gapWidth: 1,
});

export const curvedBlock = (doc: LayoutDocument, radius: number): RowBlock => ({
  id: newBlockId(),
  geometry: {
    kind: 'curved',
    center: { ...doc.stage },
    radius,
    arc: { by: 'span', middleAngle: 90, degrees: 70 },
  },
  rowCount: 3,
  rowSpacing: 1.4,
  seatsPerRow: 24,
  rowLabels: { scheme: 'letters', start: 0 },
  numbering: { scheme: 'left-to-right', first: 1 },
  gapsAfter: [],
  gapWidth: 1,
});

/** A section with one block, placed below whatever the document already has. */
export const newSection = (doc: LayoutDocument, kind: 'straight' | 'curved'): SectionSpec => {
  const n = doc.sections.length + 1;
  const codes = new Set(doc.sections.map((s) => s.code));
  let code = `S${n}`;
  for (let i = n; codes.has(code); i++) code = `S${i + 1}`;
  const depth = doc.sections.reduce(
    (sum, s) => sum + s.blocks.reduce((d, b) => d + b.rowCount * b.rowSpacing, 0) + 3,
    0,
  );
  return {
    code,
    name: `Section ${n}`,
    tierCode: doc.tiers[Math.min(n - 1, doc.tiers.length - 1)]?.code ?? '',
    blocks: [
      kind === 'curved'
        ? curvedBlock(doc, 12 + depth)
        : straightBlock(doc, doc.stage.y + 6 + depth),
    ],
    rowOverrides: [],
    seatOverrides: [],
  };
};

export const nextTierColor = (doc: LayoutDocument) =>
  TIER_COLORS[doc.tiers.length % TIER_COLORS.length]!;

const upsertSeatOverrides = (
  section: SectionSpec,
  seats: GeneratedSeat[],
  edit: (o: SeatOverride) => SeatOverride,
): SeatOverride[] => {
  const byKey = new Map(section.seatOverrides.map((o) => [`${o.row}|${o.seat}`, o]));
  for (const s of seats) {
    const key = `${s.row}|${s.label}`;
    byKey.set(key, edit(byKey.get(key) ?? { row: s.row, seat: s.label }));
  }
  // Overrides that no longer change anything are dropped to keep the document small.
  return [...byKey.values()].filter(
    (o) => o.removed || o.accessible !== undefined || o.tierCode !== undefined,
  );
};

const mapSections = (
  doc: LayoutDocument,
  selected: GeneratedSeat[],
  edit: (section: SectionSpec, seats: GeneratedSeat[]) => SectionSpec,
): LayoutDocument => {
  const bySection = new Map<string, GeneratedSeat[]>();
  for (const s of selected) bySection.set(s.section, [...(bySection.get(s.section) ?? []), s]);
  return {
    ...doc,
    sections: doc.sections.map((section) => {
      const seats = bySection.get(section.code);
      return seats ? edit(section, seats) : section;
    }),
  };
};

/**
 * Gives the selected seats a tier. A whole section selected sets the section's tier (clearing finer
 * choices); whole rows get row tiers; the rest get seat tiers.
 */
export const assignTier = (
  doc: LayoutDocument,
  all: GeneratedSeat[],
  selected: GeneratedSeat[],
  tierCode: string,
): LayoutDocument =>
  mapSections(doc, selected, (section, seats) => {
    const inSection = all.filter((s) => s.section === section.code);
    if (seats.length === inSection.length)
      return {
        ...section,
        tierCode,
        blocks: section.blocks.map(({ tierCode: _dropped, ...b }) => b),
        rowOverrides: [],
        seatOverrides: upsertSeatOverrides(section, seats, ({ tierCode: _t, ...o }) => o),
      };
    const chosen = new Set(seats.map(seatKeyOf));
    const fullRows = new Set(
      [...new Set(seats.map(rowKeyOf))].filter((rowKey) =>
        inSection.filter((s) => rowKeyOf(s) === rowKey).every((s) => chosen.has(seatKeyOf(s))),
      ),
    );
    const rowLabels = [...fullRows].map((k) => k.slice(k.indexOf('|') + 1));
    const rowSeats = seats.filter((s) => fullRows.has(rowKeyOf(s)));
    const single = seats.filter((s) => !fullRows.has(rowKeyOf(s)));
    const cleared = {
      ...section,
      seatOverrides: upsertSeatOverrides(section, rowSeats, ({ tierCode: _t, ...o }) => o),
    };
    return {
      ...cleared,
      rowOverrides: [
        ...section.rowOverrides.filter((o) => !rowLabels.includes(o.row)),
        ...rowLabels.map((row) => ({ row, tierCode })),
      ],
      seatOverrides: upsertSeatOverrides(cleared, single, (o) => ({ ...o, tierCode })),
    };
  });

export const removeSeats = (doc: LayoutDocument, selected: GeneratedSeat[]): LayoutDocument =>
  mapSections(doc, selected, (section, seats) => ({
    ...section,
    seatOverrides: upsertSeatOverrides(section, seats, (o) => ({ ...o, removed: true })),
  }));

/** Flags the selection accessible, or clears the flag when every selected seat already has it. */
export const toggleAccessible = (
  doc: LayoutDocument,
  selected: GeneratedSeat[],
): LayoutDocument => {
  const flag = !selected.every((s) => s.accessible);
  return mapSections(doc, selected, (section, seats) => ({
    ...section,
    seatOverrides: upsertSeatOverrides(section, seats, ({ accessible: _a, ...o }) =>
      flag ? { ...o, accessible: true } : o,
    ),
  }));
};

export const restoreRemoved = (doc: LayoutDocument, sectionCode: string): LayoutDocument => ({
  ...doc,
  sections: doc.sections.map((s) =>
    s.code === sectionCode
      ? {
          ...s,
          seatOverrides: s.seatOverrides
            .map(({ removed: _r, ...o }) => o)
            .filter((o) => o.accessible !== undefined || o.tierCode !== undefined),
        }
      : s,
  ),
});

export const removedCount = (section: SectionSpec) =>
  section.seatOverrides.filter((o) => o.removed).length;

/** Seats whose centres lie inside the box (layout units, corners in any order). */
export const seatsInBox = (
  seats: GeneratedSeat[],
  a: { x: number; y: number },
  b: { x: number; y: number },
) => {
  const [x0, x1] = [Math.min(a.x, b.x), Math.max(a.x, b.x)];
  const [y0, y1] = [Math.min(a.y, b.y), Math.max(a.y, b.y)];
  return seats.filter((s) => s.x >= x0 && s.x <= x1 && s.y >= y0 && s.y <= y1);
};

/** The seat nearest the point, if it lies within `reach`. */
export const seatAt = (seats: GeneratedSeat[], p: { x: number; y: number }, reach: number) => {
  let best: GeneratedSeat | undefined;
  let bestDistance = reach;
  for (const s of seats) {
    const d = Math.hypot(s.x - p.x, s.y - p.y);
    if (d <= bestDistance) {
      best = s;
      bestDistance = d;
    }
  }
  return best;
};

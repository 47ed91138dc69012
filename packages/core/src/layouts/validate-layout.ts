// Checks a layout document and the seats it generates: tier and section codes, duplicate row and
// seat labels, seats closer than the minimum spacing, seats outside the venue, overrides naming
// nothing. Errors block saving; warnings are shown but do not.
import type { GeneratedSeat, LayoutDocument, LayoutIssue } from '@tessera/contracts/layouts';
import {
  generateLayout,
  MAX_LAYOUT_SEATS,
  plannedSeatCount,
  type GeneratedLayout,
} from './generate-layout.ts';

/** How many offending seats one issue lists before it says "and N more". */
const LIST_LIMIT = 8;

export const seatName = (s: Pick<GeneratedSeat, 'section' | 'row' | 'label'>) =>
  `${s.section} row ${s.row} seat ${s.label}`;

const listed = (names: string[]) =>
  names.length <= LIST_LIMIT
    ? names.join(', ')
    : `${names.slice(0, LIST_LIMIT).join(', ')} and ${names.length - LIST_LIMIT} more`;

const groupBy = <T>(items: T[], key: (item: T) => string): Map<string, T[]> => {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group) group.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
};

const duplicates = <T>(items: T[]): T[] => {
  const seen = new Set<T>();
  const twice = new Set<T>();
  for (const item of items) (seen.has(item) ? twice : seen).add(item);
  return [...twice];
};

const codeIssues = (doc: LayoutDocument): LayoutIssue[] => {
  const issues: LayoutIssue[] = [];
  const tiers = new Set(doc.tiers.map((t) => t.code));
  for (const code of duplicates(doc.tiers.map((t) => t.code)))
    issues.push({
      code: 'DUPLICATE_TIER',
      severity: 'error',
      message: `Two price tiers use the code ${code}.`,
    });
  for (const code of duplicates(doc.sections.map((s) => s.code)))
    issues.push({
      code: 'DUPLICATE_SECTION',
      severity: 'error',
      message: `Two sections use the code ${code}.`,
      section: code,
    });
  for (const s of doc.sections) {
    const used = [
      s.tierCode,
      ...s.blocks.flatMap((b) => (b.tierCode ? [b.tierCode] : [])),
      ...s.rowOverrides.map((o) => o.tierCode),
      ...s.seatOverrides.flatMap((o) => (o.tierCode ? [o.tierCode] : [])),
    ];
    for (const code of new Set(used.filter((c) => !tiers.has(c))))
      issues.push({
        code: 'UNKNOWN_TIER',
        severity: 'error',
        message: `Section ${s.code} uses price tier ${code}, which the venue does not have.`,
        section: s.code,
      });
  }
  return issues;
};

const labelIssues = ({ rows, seats }: GeneratedLayout): LayoutIssue[] => {
  const issues: LayoutIssue[] = [];
  const bySection = groupBy(rows, (r) => r.section);
  for (const [section, sectionRows] of bySection)
    for (const row of duplicates(sectionRows.map((r) => r.label)))
      issues.push({
        code: 'DUPLICATE_ROW_LABEL',
        severity: 'error',
        message: `Section ${section} has more than one row ${row}: change a block's first row label.`,
        section,
        row,
      });
  const byRow = groupBy(seats, (s) => `${s.section}\u0000${s.row}`);
  for (const rowSeats of byRow.values()) {
    const twice = duplicates(rowSeats.map((s) => s.label));
    if (twice.length === 0) continue;
    const { section, row } = rowSeats[0]!;
    issues.push({
      code: 'DUPLICATE_SEAT_LABEL',
      severity: 'error',
      message: `Section ${section} row ${row} has more than one seat labelled ${listed(twice)}.`,
      section,
      row,
      seats: twice,
    });
  }
  return issues;
};

/** Pairs of seats closer than `minSpacing`, found through a grid of minSpacing-sized cells; stops
 * after `limit` pairs (seats piled on one spot would otherwise cost n² comparisons). */
export const overlappingPairs = (seats: GeneratedSeat[], minSpacing: number, limit = 200) => {
  const cell = (v: number) => Math.floor(v / minSpacing);
  // Numeric cell keys: coordinates stay within ±10,000 units, so cells within ±100,000 columns.
  const grid = new Map<number, number[]>();
  const cellKey = (cx: number, cy: number) => cx * 1_000_000 + cy;
  const pairs: Array<[GeneratedSeat, GeneratedSeat]> = [];
  for (const [i, seat] of seats.entries()) {
    if (pairs.length >= limit) break;
    const cx = cell(seat.x);
    const cy = cell(seat.y);
    for (let dx = -1; dx <= 1; dx++)
      for (let dy = -1; dy <= 1; dy++)
        for (const j of grid.get(cellKey(cx + dx, cy + dy)) ?? []) {
          const other = seats[j]!;
          // A hair of tolerance so seats exactly minSpacing apart (rounded to 3 decimals) pass.
          if (Math.hypot(seat.x - other.x, seat.y - other.y) < minSpacing - 1e-3)
            pairs.push([other, seat]);
        }
    const key = cellKey(cx, cy);
    const bucket = grid.get(key);
    if (bucket) bucket.push(i);
    else grid.set(key, [i]);
  }
  return pairs;
};

const placementIssues = (doc: LayoutDocument, seats: GeneratedSeat[]): LayoutIssue[] => {
  const issues: LayoutIssue[] = [];
  const pairs = overlappingPairs(seats, doc.minSeatSpacing);
  if (pairs.length > 0)
    issues.push({
      code: 'OVERLAPPING_SEATS',
      severity: 'error',
      message: `${pairs.length >= 200 ? 'At least 200' : pairs.length} pair(s) of seats are closer than ${doc.minSeatSpacing} units: ${listed(pairs.map(([a, b]) => `${seatName(a)} / ${seatName(b)}`))}. Spread rows or seats further apart.`,
      seats: [...new Set(pairs.flat().map(seatName))],
    });
  const outside = seats.filter((s) => s.x < 0 || s.y < 0 || s.x > doc.width || s.y > doc.height);
  if (outside.length > 0)
    issues.push({
      code: 'OUT_OF_BOUNDS',
      severity: 'error',
      message: `${outside.length} seat(s) lie outside the ${doc.width} × ${doc.height} venue: ${listed(outside.map(seatName))}. Move them or enlarge the venue.`,
      seats: outside.map(seatName),
    });
  return issues;
};

export interface LayoutCheck {
  layout: GeneratedLayout;
  issues: LayoutIssue[];
  /** True when no issue is an error. */
  ok: boolean;
}

/** Generates the document's seats and every issue with them. */
export const checkLayout = (doc: LayoutDocument): LayoutCheck => {
  const planned = plannedSeatCount(doc);
  if (planned > MAX_LAYOUT_SEATS) {
    const issue: LayoutIssue = {
      code: 'TOO_MANY_SEATS',
      severity: 'error',
      message: `The blocks would generate ${planned} seats; a venue holds at most ${MAX_LAYOUT_SEATS}.`,
    };
    return { layout: generateLayout(doc), issues: [issue], ok: false };
  }
  const layout = generateLayout(doc);
  const issues = [
    ...codeIssues(doc),
    ...labelIssues(layout),
    ...placementIssues(doc, layout.seats),
  ];
  if (layout.seats.length === 0)
    issues.push({
      code: 'NO_SEATS',
      severity: 'error',
      message: 'The layout has no seats yet: add a section with a row block.',
    });
  for (const u of layout.unmatched)
    issues.push({
      code: 'UNMATCHED_OVERRIDE',
      severity: 'warning',
      message: u.seat
        ? `An edit of ${u.section} row ${u.row} seat ${u.seat} matches no seat any more.`
        : `A tier set on ${u.section} row ${u.row} matches no row any more.`,
      section: u.section,
      row: u.row,
    });
  return { layout, issues, ok: issues.every((i) => i.severity !== 'error') };
};

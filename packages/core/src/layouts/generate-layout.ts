// Turns a layout document into concrete rows and seats (labels, positions, coordinates, tiers,
// accessibility), applying per-row and per-seat overrides. Pure: the designer's preview and the
// save path run the same code. Validation of the result lives in validate-layout.ts.
import type {
  GeneratedRow,
  GeneratedSeat,
  LayoutDocument,
  SectionSpec,
} from '@tessera/contracts/layouts';
import { rowLabel, seatLabels } from './labels.ts';
import { rowPoints } from './row-geometry.ts';

/** More seats than this are refused before anything is generated (keeps a request bounded). */
export const MAX_LAYOUT_SEATS = 100_000;

export interface GeneratedLayout {
  rows: GeneratedRow[];
  seats: GeneratedSeat[];
  /** Overrides that named no generated seat or row (reported as warnings). */
  unmatched: Array<{ section: string; row: string; seat?: string }>;
}

export const plannedSeatCount = (doc: LayoutDocument): number =>
  doc.sections.reduce(
    (sum, s) => sum + s.blocks.reduce((n, b) => n + b.rowCount * b.seatsPerRow, 0),
    0,
  );

export const seatKey = (section: string, row: string, seat: string) =>
  `${section}\u0000${row}\u0000${seat}`;

const generateSection = (section: SectionSpec, out: GeneratedLayout) => {
  const seatEdits = new Map(section.seatOverrides.map((o) => [`${o.row}\u0000${o.seat}`, o]));
  const rowTiers = new Map(section.rowOverrides.map((o) => [o.row, o.tierCode]));
  const usedEdits = new Set<string>();
  const usedRows = new Set<string>();
  let sortOrder = 0;
  for (const block of section.blocks) {
    const labels = seatLabels(block.seatsPerRow, block.numbering.scheme, block.numbering.first);
    for (let r = 0; r < block.rowCount; r++) {
      const label = rowLabel(block.rowLabels.start + r, block.rowLabels.scheme);
      usedRows.add(label);
      const { arcRadius, points } = rowPoints({
        geometry: block.geometry,
        rowIndex: r,
        rowSpacing: block.rowSpacing,
        seatCount: block.seatsPerRow,
        gapsAfter: block.gapsAfter,
        gapWidth: block.gapWidth,
      });
      out.rows.push({ section: section.code, label, sortOrder: sortOrder++, arcRadius });
      const rowTier = rowTiers.get(label) ?? block.tierCode ?? section.tierCode;
      let position = 0;
      points.forEach((point, i) => {
        const seat = labels[i]!;
        const editKey = `${label}\u0000${seat}`;
        const edit = seatEdits.get(editKey);
        if (edit) usedEdits.add(editKey);
        if (edit?.removed) return;
        out.seats.push({
          section: section.code,
          row: label,
          label: seat,
          position: ++position,
          x: point.x,
          y: point.y,
          tierCode: edit?.tierCode ?? rowTier,
          accessible: edit?.accessible ?? false,
        });
      });
    }
  }
  for (const o of section.rowOverrides)
    if (!usedRows.has(o.row)) out.unmatched.push({ section: section.code, row: o.row });
  for (const o of section.seatOverrides)
    if (!usedEdits.has(`${o.row}\u0000${o.seat}`))
      out.unmatched.push({ section: section.code, row: o.row, seat: o.seat });
};

/** Rows and seats of the document, sections and rows in document order. */
export const generateLayout = (doc: LayoutDocument): GeneratedLayout => {
  const out: GeneratedLayout = { rows: [], seats: [], unmatched: [] };
  if (plannedSeatCount(doc) > MAX_LAYOUT_SEATS) return out;
  for (const section of doc.sections) generateSection(section, out);
  return out;
};

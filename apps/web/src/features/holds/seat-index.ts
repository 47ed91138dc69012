// Seat facts the hold UI needs (section, row, seat, tier, price), looked up by seat id, and the
// names fans read ("Seat F12 in Section 104").
import type { EventDetail } from '@tessera/contracts/catalog';

export interface SeatInfo {
  id: number;
  sectionId: number;
  sectionName: string;
  rowId: number;
  rowLabel: string;
  seatLabel: string;
  tierId: number;
  tierName: string;
  priceCents: number;
  currency: string;
  x: number;
  y: number;
}

export type SeatIndex = Map<number, SeatInfo>;

export const buildSeatIndex = ({
  layout,
  priceTiers,
  currency,
}: {
  layout: EventDetail['layout'];
  priceTiers: EventDetail['priceTiers'];
  currency: string;
}): SeatIndex => {
  const sections = new Map(layout.sections.map((s) => [s.id, s.name]));
  const rows = new Map(layout.rows.map((r) => [r.id, r]));
  const tiers = new Map(priceTiers.map((t) => [t.id, t]));
  const index: SeatIndex = new Map();
  for (const seat of layout.seats) {
    const row = rows.get(seat.rowId);
    const tier = tiers.get(seat.tierId);
    index.set(seat.id, {
      id: seat.id,
      sectionId: row?.sectionId ?? 0,
      sectionName: sections.get(row?.sectionId ?? 0) ?? 'Unknown section',
      rowId: seat.rowId,
      rowLabel: row?.label ?? '?',
      seatLabel: seat.label,
      tierId: seat.tierId,
      tierName: tier?.name ?? 'Standard',
      priceCents: tier?.priceCents ?? 0,
      currency: tier?.currency ?? currency,
      x: seat.x,
      y: seat.y,
    });
  }
  return index;
};

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

const joinAnd = (items: string[]) =>
  items.length <= 1
    ? (items[0] ?? '')
    : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;

const isLettered = (rowLabel: string) => /^[A-Za-z]{1,3}$/.test(rowLabel);

/** One section's seats: "F12, F13 and G1" for lettered rows, "row 40 seats 33 and 34" otherwise. */
const sectionPhrase = (rows: Map<string, string[]>) =>
  joinAnd(
    [...rows].flatMap(([row, labels]) =>
      isLettered(row)
        ? labels.map((label) => `${row}${label}`)
        : [`row ${row} ${labels.length === 1 ? 'seat' : 'seats'} ${joinAnd(labels)}`],
    ),
  );

/**
 * "Seat F12 in Section 104", "Seats F12 and F13 in Section 104", "Row 40 seats 33 and 34 in
 * Section 103", grouped by section and row; seats missing from the layout count as "a seat".
 */
export const describeSeats = (
  seatIds: number[],
  index: SeatIndex,
  { sentenceStart = true }: { sentenceStart?: boolean } = {},
): string => {
  const sections = new Map<string, Map<string, string[]>>();
  let unknown = 0;
  for (const id of seatIds) {
    const seat = index.get(id);
    if (!seat) {
      unknown += 1;
      continue;
    }
    const rows = sections.get(seat.sectionName) ?? new Map<string, string[]>();
    rows.set(seat.rowLabel, [...(rows.get(seat.rowLabel) ?? []), seat.seatLabel]);
    sections.set(seat.sectionName, rows);
  }
  const known = [...sections].map(([section, rows]) => `${sectionPhrase(rows)} in ${section}`);
  const count = seatIds.length;
  const firstRow = [...(sections.values().next().value?.keys() ?? [])][0];
  const prefix =
    firstRow !== undefined && isLettered(firstRow) ? (count === 1 ? 'seat ' : 'seats ') : '';
  const extra = unknown > 0 ? [`${unknown} more`] : [];
  const text =
    known.length === 0
      ? count === 1
        ? 'a seat'
        : `${count} seats`
      : `${prefix}${joinAnd([...known, ...extra])}`;
  return sentenceStart ? capitalise(text) : text;
};

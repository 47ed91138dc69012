// Encodes a venue's seats into the Redis layout values the hold scripts read (see keys.ts):
// neighbours per seat, seats per row in position order with the row's centre, rows ranked by
// distance to the stage.

export interface LayoutSeat {
  id: number;
  rowId: number;
  position: number;
  tierId: number;
  x: number;
  y: number;
}

export interface EncodeSeatLayoutOptions {
  seats: LayoutSeat[];
  stage: { x: number; y: number };
  /** Row sort order, used only to break distance ties; falls back to the row id. */
  rowSortOrder?: Map<number, number>;
}

export interface EncodedSeatLayout {
  /** seatId -> 'rowId|tierId|left2|left1|right1|right2' seat ids, nearest first (0 = none). */
  layout: Map<number, string>;
  /** rowId -> '<centre>|seatId:tierId,...' */
  rows: Map<number, string>;
  /** Row ids, nearest the stage first. */
  rank: number[];
}

// Seats this much closer or farther than the nearest one still count as "nearest" (float noise).
const SAME_DISTANCE = 1e-6;

const groupRows = (seats: LayoutSeat[]): Map<number, LayoutSeat[]> => {
  const rows = new Map<number, LayoutSeat[]>();
  for (const seat of seats) {
    const row = rows.get(seat.rowId) ?? [];
    row.push(seat);
    rows.set(seat.rowId, row);
  }
  for (const row of rows.values()) row.sort((a, b) => a.position - b.position);
  return rows;
};

/** Distance of the row's nearest seat, and the mean 1-based index of its nearest seats. */
const rowCentre = (row: LayoutSeat[], stage: { x: number; y: number }) => {
  const distances = row.map((seat) => Math.hypot(seat.x - stage.x, seat.y - stage.y));
  const nearest = Math.min(...distances);
  const indices = distances.flatMap((d, i) => (d - nearest <= SAME_DISTANCE ? [i + 1] : []));
  const centre = indices.reduce((sum, i) => sum + i, 0) / indices.length;
  return { nearest, centre };
};

export const encodeSeatLayout = ({
  seats,
  stage,
  rowSortOrder,
}: EncodeSeatLayoutOptions): EncodedSeatLayout => {
  const layout = new Map<number, string>();
  const rows = new Map<number, string>();
  const ranking: Array<{ rowId: number; nearest: number; sortOrder: number }> = [];
  for (const [rowId, row] of groupRows(seats)) {
    row.forEach((seat, i) => {
      const at = (offset: number) => row[i + offset]?.id ?? 0;
      layout.set(seat.id, `${rowId}|${seat.tierId}|${at(-2)}|${at(-1)}|${at(1)}|${at(2)}`);
    });
    const { nearest, centre } = rowCentre(row, stage);
    rows.set(rowId, `${centre}|${row.map((seat) => `${seat.id}:${seat.tierId}`).join(',')}`);
    ranking.push({ rowId, nearest, sortOrder: rowSortOrder?.get(rowId) ?? rowId });
  }
  ranking.sort((a, b) => a.nearest - b.nearest || a.sortOrder - b.sortOrder || a.rowId - b.rowId);
  return { layout, rows, rank: ranking.map((r) => r.rowId) };
};

// Row and seat labels for generated rows: letter or number row labels, and seat numbers along a
// row in one of three schemes (ascending, descending, odd/even from the middle outwards).
import type { SeatNumbering } from '@tessera/contracts/layouts';

/** Row labels by index: A…Z, then AA, AB… (`letters`), or 1, 2, 3… (`numbers`). */
export const rowLabel = (index: number, scheme: 'letters' | 'numbers'): string => {
  if (scheme === 'numbers') return String(index + 1);
  const letter = String.fromCharCode(65 + (index % 26));
  return index < 26 ? letter : rowLabel(Math.floor(index / 26) - 1, 'letters') + letter;
};

/**
 * Seat labels for `count` seats in generation order (slot 0 = the row's start).
 * odd-even: the start half carries first, first+2, … rising towards the start; the end half
 * carries first+1, first+3, … rising towards the end, so the two lowest numbers meet in the middle.
 */
export const seatLabels = (count: number, scheme: SeatNumbering, first: number): string[] => {
  if (scheme === 'left-to-right') return Array.from({ length: count }, (_, i) => String(first + i));
  if (scheme === 'right-to-left')
    return Array.from({ length: count }, (_, i) => String(first + count - 1 - i));
  const startHalf = Math.ceil(count / 2);
  return Array.from({ length: count }, (_, i) =>
    i < startHalf
      ? String(first + 2 * (startHalf - 1 - i))
      : String(first + 1 + 2 * (i - startHalf)),
  );
};

// How each seat state is painted: available in its tier colour, others greyed, mine and
// selected seats dark with a ring so they stand out from every tier colour.
import type { SeatState } from './seat-states.ts';

export const SEAT_COLORS = {
  held: '#cbd5e1',
  sold: '#94a3b8',
  mine: '#047857',
  selected: '#111827',
} as const;

export interface SeatPaint {
  fill: string;
  stroke?: string;
  /** Relative to the seat radius. */
  strokeScale?: number;
  opacity?: number;
  /** Seats the fan acts on are drawn larger so they stand out on a 10k-seat map. */
  scale?: number;
}

export const seatPaint = (state: SeatState, tierColor: string): SeatPaint => {
  switch (state) {
    case 'a':
      return { fill: tierColor };
    case 'h':
      return { fill: SEAT_COLORS.held };
    case 's':
      return { fill: SEAT_COLORS.sold };
    case 'm':
      return { fill: SEAT_COLORS.mine, stroke: '#a7f3d0', strokeScale: 0.45, scale: 1.4 };
    case 'x':
      return { fill: SEAT_COLORS.selected, stroke: '#fbbf24', strokeScale: 0.5, scale: 1.4 };
    default:
      return { fill: tierColor, opacity: 0.35 };
  }
};

export const STATE_WORDS: Record<SeatState, string> = {
  a: 'available',
  h: 'held by someone else',
  s: 'sold',
  m: 'held by you',
  x: 'selected',
  '?': 'loading',
};

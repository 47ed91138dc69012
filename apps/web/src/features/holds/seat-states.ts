// The drawn state of every seat, as one string per section so the map re-renders only the
// sections (and, inside them, only the seats) whose state changed.
import type { SeatsSnapshot } from '@tessera/contracts/seats';
import type { SeatStatus } from './selection.ts';

/** a available, h held by others, s sold, m held by me, x selected, ? unknown (no snapshot yet). */
export type SeatState = SeatStatus | 'm' | 'x' | '?';

export const statusLookup = (
  snapshot: Pick<SeatsSnapshot, 'seatIds' | 'statuses'> | undefined,
): Map<number, SeatStatus> => {
  const statuses = new Map<number, SeatStatus>();
  if (!snapshot) return statuses;
  snapshot.seatIds.forEach((id, i) => statuses.set(id, snapshot.statuses[i] as SeatStatus));
  return statuses;
};

export const buildSectionStates = ({
  sections,
  statuses,
  mine,
  selected,
}: {
  sections: { id: number; seatIds: number[] }[];
  statuses: ReadonlyMap<number, SeatStatus>;
  mine: ReadonlySet<number>;
  selected: ReadonlySet<number>;
}): Map<number, string> => {
  const states = new Map<number, string>();
  for (const section of sections) {
    let text = '';
    for (const id of section.seatIds) {
      text += selected.has(id) ? 'x' : mine.has(id) ? 'm' : (statuses.get(id) ?? '?');
    }
    states.set(section.id, text);
  }
  return states;
};

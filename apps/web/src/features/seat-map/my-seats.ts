// Which held seats are the fan's own. Deltas only say "held", never whose: a seat is drawn as
// "held by you" while it is held and the fan has a claim on it (a snapshot's `mine`, a hold just
// made, or holds.mine); a claim lapses as soon as its seat stops being held.
import type { SeatStatus } from '../holds/selection.ts';

export const heldByMe = ({
  statuses,
  claims,
}: {
  statuses: ReadonlyMap<number, SeatStatus>;
  claims: Iterable<number>[];
}): Set<number> => {
  const mine = new Set<number>();
  for (const claim of claims) for (const id of claim) if (statuses.get(id) === 'h') mine.add(id);
  return mine;
};

/** Claims left after a change: seats that are no longer held drop out (released, expired, sold). */
export const keepHeldClaims = (
  claims: ReadonlySet<number>,
  statuses: ReadonlyMap<number, SeatStatus>,
): ReadonlySet<number> => {
  const kept = new Set([...claims].filter((id) => statuses.get(id) === 'h'));
  return kept.size === claims.size ? claims : kept;
};

/** True when a change touched one of the fan's seats: their holds need reading again. */
export const touchesClaims = (changed: number[], claims: Iterable<number>[]): boolean => {
  if (changed.length === 0) return false;
  const touched = new Set(changed);
  for (const claim of claims) for (const id of claim) if (touched.has(id)) return true;
  return false;
};

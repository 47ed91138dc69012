// holds.mine: the caller's live holds (optionally for one event), pruning dead index entries.
import type { Hold } from '@tessera/contracts/holds';
import type { SeatStoreDeps } from './create-hold.ts';
import { forgetFanHolds, readFanHoldIndex, readHoldRecords } from './hold-records.store.ts';
import { toHoldView } from './hold-view.ts';

export const listMyHolds = async ({
  userId,
  eventId,
  ...deps
}: SeatStoreDeps & { userId: string; eventId?: string }): Promise<Hold[]> => {
  const index = await readFanHoldIndex({ ...deps, userId });
  const byEvent = new Map<string, string[]>();
  for (const [holdId, holdEventId] of Object.entries(index)) {
    if (eventId && holdEventId !== eventId) continue;
    byEvent.set(holdEventId, [...(byEvent.get(holdEventId) ?? []), holdId]);
  }
  const now = Date.now();
  const holds: Hold[] = [];
  const dead: string[] = [];
  for (const [holdEventId, holdIds] of byEvent) {
    const records = await readHoldRecords({ ...deps, eventId: holdEventId, holdIds });
    const live = records.filter(
      (r) => r !== null && r.userId === userId && r.status === 'h' && r.expiresAt > now,
    );
    dead.push(...holdIds.filter((id) => !live.some((r) => r?.holdId === id)));
    if (live.length === 0) continue;
    const info = await deps.saleInfo.get(holdEventId);
    for (const record of live) if (record) holds.push(toHoldView({ info, ...record }));
  }
  await forgetFanHolds({ ...deps, userId, holdIds: dead });
  return holds.sort((a, b) => a.expiresAt.localeCompare(b.expiresAt));
};

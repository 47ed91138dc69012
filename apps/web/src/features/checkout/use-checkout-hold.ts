// The hold being paid for, from holds.mine; the last copy is kept once found, because a paid or
// expired hold leaves holds.mine while the page still shows its summary.
import type { Hold } from '@tessera/contracts/holds';
import { useEffect, useState } from 'react';
import { trpc } from '../../lib/trpc.ts';

export const useCheckoutHold = (holdId: string) => {
  const holds = trpc.holds.mine.useQuery(undefined, { staleTime: 0 });
  const live = holds.data?.holds.find((h) => h.id === holdId);
  const [kept, setKept] = useState<Hold | undefined>(undefined);
  useEffect(() => {
    if (live) setKept(live);
  }, [live]);
  const hold = live ?? kept;
  const event = trpc.events.get.useQuery(
    { id: hold?.eventId ?? '', layout: 'omit' },
    { enabled: Boolean(hold), staleTime: 5 * 60_000 },
  );
  return {
    hold,
    active: Boolean(live),
    isPending: holds.isPending,
    error: holds.isError ? holds.error : null,
    refetch: () => void holds.refetch(),
    event: event.data,
  };
};

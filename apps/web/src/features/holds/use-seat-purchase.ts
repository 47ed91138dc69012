// The event page's buying state: live seat statuses (polled), the fan's holds, the selection,
// and the hold/release calls with their outcomes explained.
import type { EventDetail } from '@tessera/contracts/catalog';
import type { CreateHoldRequest } from '@tessera/contracts/holds';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import { describeError } from '../../lib/app-error.ts';
import { trpc } from '../../lib/trpc.ts';
import { withNext } from '../auth/safe-next.ts';
import { useSession } from '../auth/use-session.ts';
import { explainHoldFailure } from './hold-failure.ts';
import { buildSeatIndex, describeSeats } from './seat-index.ts';
import { statusLookup } from './seat-states.ts';
import { pruneSelection, selectionLimit, toggleSeat } from './selection.ts';
import { useStoredSelection } from './use-stored-selection.ts';

/** Until live seat-map streaming lands, the map refreshes this often while the page is visible. */
const SNAPSHOT_REFRESH_MS = 3_000;

export interface Notice {
  tone: 'info' | 'success' | 'error';
  text: string;
}

export const useSeatPurchase = ({
  event,
  perFanSeatLimit,
}: {
  event: EventDetail;
  perFanSeatLimit: number;
}) => {
  const { user } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const utils = trpc.useUtils();
  const eventId = event.id;
  const snapshot = trpc.seats.snapshot.useQuery(
    { eventId },
    { refetchInterval: SNAPSHOT_REFRESH_MS, staleTime: 0, refetchOnWindowFocus: true },
  );
  const holds = trpc.holds.mine.useQuery({ eventId }, { enabled: Boolean(user) });
  const seatIndex = useMemo(
    () =>
      buildSeatIndex({
        layout: event.layout,
        priceTiers: event.priceTiers,
        currency: event.currency,
      }),
    [event],
  );
  const statuses = useMemo(() => statusLookup(snapshot.data), [snapshot.data]);
  const mine = useMemo(() => new Set(snapshot.data?.mine ?? []), [snapshot.data]);
  const heldCount = holds.data
    ? holds.data.holds.reduce((n, hold) => n + hold.seats.length, 0)
    : mine.size;
  const limit = selectionLimit({ perFanSeatLimit, heldCount });
  const [selection, setSelection] = useStoredSelection(eventId);
  const [notice, setNotice] = useState<Notice | null>(null);

  const refresh = useCallback(() => {
    void snapshot.refetch();
    void utils.holds.mine.invalidate();
  }, [snapshot, utils]);

  const toggle = (seatId: number) => {
    const outcome = toggleSeat({ selection, seatId, status: statuses.get(seatId), limit });
    setSelection(outcome.selection);
    const seat = describeSeats([seatId], seatIndex);
    if (outcome.kind === 'limit') {
      setNotice({
        tone: 'info',
        text:
          limit === 0
            ? `You already hold the most seats allowed (${perFanSeatLimit}).`
            : `You can pick up to ${limit} seat${limit === 1 ? '' : 's'}. Remove one to choose another.`,
      });
    } else if (outcome.kind === 'unavailable') {
      const why = mine.has(seatId) ? 'is already held for you' : 'is not available';
      setNotice({ tone: 'info', text: `${seat} ${why}.` });
    } else {
      setNotice({ tone: 'info', text: `${seat} ${outcome.kind}.` });
    }
  };

  const create = trpc.holds.create.useMutation({
    onSuccess: (hold) => {
      setSelection([]);
      setNotice({
        tone: 'success',
        text: `${describeSeats(
          hold.seats.map((s) => s.seatId),
          seatIndex,
        )} ${hold.seats.length === 1 ? 'is' : 'are'} held for you. Continue to checkout before the timer runs out.`,
      });
      refresh();
    },
    onError: (error) => {
      const failure = explainHoldFailure({ error, seatIndex, limit: perFanSeatLimit });
      if (failure.signIn) return navigate(withNext('/login', location.pathname));
      if (failure.dropSeatIds.length > 0)
        setSelection((current) => current.filter((id) => !failure.dropSeatIds.includes(id)));
      setNotice({ tone: 'error', text: failure.message });
      if (failure.refresh) refresh();
    },
  });

  // A refreshed map may show that someone else took a seat the fan had picked.
  // (Not while our own hold is in flight: its seats turn "held" before the response arrives.)
  const holdInFlight = create.isPending;
  useEffect(() => {
    if (!snapshot.data || holdInFlight) return;
    const { selection: kept, dropped } = pruneSelection({
      selection,
      statusOf: (id) => statuses.get(id),
    });
    if (dropped.length === 0) return;
    setSelection(kept);
    const taken = dropped.filter((id) => !mine.has(id));
    if (taken.length === 0) return;
    const [verb, pronoun] = taken.length === 1 ? ['was', 'it'] : ['were', 'them'];
    setNotice({
      tone: 'error',
      text: `${describeSeats(taken, seatIndex)} ${verb} just taken by someone else. We removed ${pronoun} from your selection.`,
    });
  }, [snapshot.data, statuses, mine, selection, seatIndex, holdInFlight]);

  const hold = (request: { seatIds: number[] } | { quantity: number; tierId?: number }) => {
    if (!user) return navigate(withNext('/login', location.pathname));
    const body = { eventId, idempotencyKey: crypto.randomUUID(), ...request } as CreateHoldRequest;
    create.mutate(body);
  };

  const release = trpc.holds.release.useMutation({
    onSuccess: () => {
      setNotice({ tone: 'success', text: 'We released your seats.' });
      refresh();
    },
    onError: (error) => setNotice({ tone: 'error', text: describeError(error) }),
  });

  return {
    user,
    snapshot,
    holds,
    seatIndex,
    statuses,
    mine,
    limit,
    selection,
    setSelection,
    notice,
    setNotice,
    toggle,
    hold,
    holding: create.isPending,
    holdRequest: create.variables,
    release,
    refresh,
  };
};

export type SeatPurchase = ReturnType<typeof useSeatPurchase>;

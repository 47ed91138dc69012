// The event page's buying state: live seat statuses (seats.onChange), the fan's holds, the
// selection, and the hold/release calls with their outcomes explained.
import type { EventDetail } from '@tessera/contracts/catalog';
import type { CreateHoldRequest } from '@tessera/contracts/holds';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import { describeError } from '../../lib/app-error.ts';
import { trpc } from '../../lib/trpc.ts';
import { withNext } from '../auth/safe-next.ts';
import { useSession } from '../auth/use-session.ts';
import { heldByMe, keepHeldClaims, touchesClaims } from '../seat-map/my-seats.ts';
import { countSeatsByTier } from '../seat-map/tier-counts.ts';
import { useLiveSeats, type LiveSeatChange } from '../seat-map/use-live-seats.ts';
import { explainHoldFailure } from './hold-failure.ts';
import { buildSeatIndex, describeSeats } from './seat-index.ts';
import type { SeatStatus } from './selection.ts';
import { pruneSelection, selectionLimit, toggleSeat } from './selection.ts';
import { useStoredSelection } from './use-stored-selection.ts';

export interface Notice {
  tone: 'info' | 'success' | 'error';
  text: string;
}

const NO_STATUSES: ReadonlyMap<number, SeatStatus> = new Map();
const NO_CLAIMS: ReadonlySet<number> = new Set();

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
  const holds = trpc.holds.mine.useQuery({ eventId }, { enabled: Boolean(user) });
  // Seats the fan holds that holds.mine may not list yet (the snapshot's `mine`, a hold just made).
  const [claims, setClaims] = useState<ReadonlySet<number>>(NO_CLAIMS);
  const holdSeats = useMemo(
    () => (holds.data?.holds ?? []).flatMap((hold) => hold.seats.map((seat) => seat.seatId)),
    [holds.data],
  );

  const onLiveChange = ({ message, changed }: LiveSeatChange) => {
    if (message.kind === 'snapshot') {
      setClaims(new Set(message.mine));
      if (user) void utils.holds.mine.invalidate({ eventId });
      return;
    }
    // Deltas do not say whose hold a seat is in: re-read the fan's holds when one of theirs moved.
    if (touchesClaims(changed, [claims, holdSeats])) void utils.holds.mine.invalidate({ eventId });
  };
  const live = useLiveSeats({ eventId, onChange: onLiveChange });
  const statuses = live.state?.statuses ?? NO_STATUSES;

  // Claims on seats that are no longer held lapse at once (released, expired or sold).
  useEffect(() => setClaims((current) => keepHeldClaims(current, statuses)), [statuses]);

  const seatIndex = useMemo(
    () =>
      buildSeatIndex({
        layout: event.layout,
        priceTiers: event.priceTiers,
        currency: event.currency,
      }),
    [event],
  );
  const mine = useMemo(
    () => heldByMe({ statuses, claims: [claims, holdSeats] }),
    [statuses, claims, holdSeats],
  );
  const tierCounts = useMemo(
    () => (live.state ? countSeatsByTier({ seats: event.layout.seats, statuses }) : null),
    [live.state, event.layout.seats, statuses],
  );
  const heldCount = holds.data ? holdSeats.length : mine.size;
  const limit = selectionLimit({ perFanSeatLimit, heldCount });
  const [selection, setSelection] = useStoredSelection(eventId);
  const [notice, setNotice] = useState<Notice | null>(null);

  /** After a refusal that says the map is out of date: a fresh snapshot and the fan's holds. */
  const { resync } = live;
  const refresh = useCallback(() => {
    resync();
    void utils.holds.mine.invalidate({ eventId });
  }, [resync, utils, eventId]);

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
      const seatIds = hold.seats.map((s) => s.seatId);
      setClaims((current) => new Set([...current, ...seatIds]));
      setSelection([]);
      setNotice({
        tone: 'success',
        text: `${describeSeats(seatIds, seatIndex)} ${hold.seats.length === 1 ? 'is' : 'are'} held for you. Continue to checkout before the timer runs out.`,
      });
      void utils.holds.mine.invalidate({ eventId });
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

  // The live map may show that someone else took a seat the fan had picked.
  // (Not while our own hold is in flight: its seats turn "held" before the response arrives.)
  const holdInFlight = create.isPending;
  useEffect(() => {
    if (!live.state || holdInFlight) return;
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
  }, [live.state, statuses, mine, selection, seatIndex, holdInFlight, setSelection]);

  const hold = (request: { seatIds: number[] } | { quantity: number; tierId?: number }) => {
    if (!user) return navigate(withNext('/login', location.pathname));
    const body = { eventId, idempotencyKey: crypto.randomUUID(), ...request } as CreateHoldRequest;
    create.mutate(body);
  };

  const release = trpc.holds.release.useMutation({
    onSuccess: ({ holdId }) => {
      setNotice({ tone: 'success', text: 'We released your seats.' });
      // Forget the hold at once: its seats may be held by someone else before the map or
      // holds.mine says they were released.
      const released = holds.data?.holds.find((h) => h.id === holdId)?.seats ?? [];
      const releasedIds = new Set(released.map((seat) => seat.seatId));
      setClaims((current) => new Set([...current].filter((id) => !releasedIds.has(id))));
      utils.holds.mine.setData({ eventId }, (data) =>
        data ? { holds: data.holds.filter((h) => h.id !== holdId) } : data,
      );
      void utils.holds.mine.invalidate({ eventId });
    },
    onError: (error) => setNotice({ tone: 'error', text: describeError(error) }),
  });

  return {
    user,
    live,
    holds,
    seatIndex,
    statuses,
    mine,
    tierCounts,
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
    /** After the fan's hold expired: the live map already shows the seats freed; re-read the holds. */
    refreshHolds: () => void utils.holds.mine.invalidate({ eventId }),
  };
};

export type SeatPurchase = ReturnType<typeof useSeatPurchase>;

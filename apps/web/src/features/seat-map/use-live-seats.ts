// Keeps the seat map live: one seats.onChange subscription (SSE) fed into the versioned seat state.
// The link resumes after a dropped connection with the last version seen; a gap in versions or a
// failed subscription starts over from a fresh snapshot. Exposes the connection for the banner.
import type { SeatsChangeMessage } from '@tessera/contracts/seats';
import { useCallback, useEffect, useEffectEvent, useRef, useState } from 'react';
import { trpc } from '../../lib/trpc.ts';
import { applyMessage, type LiveSeatState } from './live-seat-state.ts';

/** 'connecting' before the first snapshot; 'reconnecting' after losing it; 'live' otherwise. */
export type LiveConnection = 'connecting' | 'live' | 'reconnecting';

export interface LiveSeatChange {
  message: SeatsChangeMessage;
  /** Seats whose status changed with this message. */
  changed: number[];
}

const RETRY_MS = [500, 1_000, 2_000, 5_000, 10_000];
/** How long "Seat map resynced" stays up after a recovery. */
const RESYNCED_MS = 4_000;

interface Held {
  eventId: string;
  state: LiveSeatState;
}

export const useLiveSeats = ({
  eventId,
  onChange,
}: {
  eventId: string;
  onChange?: (change: LiveSeatChange) => void;
}) => {
  const utils = trpc.useUtils();
  const [held, setHeld] = useState<Held | null>(null);
  const [connection, setConnection] = useState<LiveConnection>('connecting');
  const [resyncedAt, setResyncedAt] = useState<number | null>(null);
  const [generation, setGeneration] = useState(0);
  const heldRef = useRef<Held | null>(null);
  const failures = useRef(0);
  const emitChange = useEffectEvent((change: LiveSeatChange) => onChange?.(change));

  /** Drops the subscription and starts again without a resume point: the server sends a snapshot. */
  const resync = useCallback(() => setGeneration((g) => g + 1), []);

  useEffect(() => {
    const current = () => (heldRef.current?.eventId === eventId ? heldRef.current.state : null);
    let lost = current() !== null;
    let retry: ReturnType<typeof setTimeout> | undefined;
    setConnection(lost ? 'reconnecting' : 'connecting');
    const recovered = () => {
      failures.current = 0;
      setConnection('live');
      if (!lost) return;
      lost = false;
      setResyncedAt(Date.now());
    };
    const subscription = utils.client.seats.onChange.subscribe(
      { eventId },
      {
        onData: ({ data: message }) => {
          const outcome = applyMessage(current(), message);
          if (outcome.kind === 'gap') {
            subscription.unsubscribe();
            resync();
            return;
          }
          if (outcome.kind === 'stale') return;
          heldRef.current = { eventId, state: outcome.state };
          setHeld(heldRef.current);
          if (message.kind === 'snapshot') recovered();
          emitChange({ message, changed: outcome.changed });
        },
        onConnectionStateChange: ({ state: link, error }) => {
          // 'pending' = connected again: the server resumes from the last version applied.
          if (link === 'pending' && current()) recovered();
          if (link === 'connecting' && error && current()) {
            lost = true;
            setConnection('reconnecting');
          }
        },
        onError: () => {
          // The stream ended with an error the link does not retry: start over after a pause.
          lost = current() !== null;
          if (lost) setConnection('reconnecting');
          const delay = RETRY_MS[Math.min(failures.current, RETRY_MS.length - 1)];
          failures.current += 1;
          retry = setTimeout(resync, delay);
        },
      },
    );
    return () => {
      clearTimeout(retry);
      subscription.unsubscribe();
    };
  }, [utils, eventId, generation, resync]);

  useEffect(() => {
    if (resyncedAt === null) return;
    const timer = setTimeout(() => setResyncedAt(null), RESYNCED_MS);
    return () => clearTimeout(timer);
  }, [resyncedAt]);

  return {
    state: held?.eventId === eventId ? held.state : null,
    connection,
    resynced: resyncedAt !== null && connection === 'live',
    resync,
  };
};

export type LiveSeats = ReturnType<typeof useLiveSeats>;

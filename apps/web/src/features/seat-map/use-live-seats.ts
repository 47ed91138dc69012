// Keeps the seat map live in React: the seats.onChange connection (live-seats-connection.ts) for
// the event on the page, its state, and the connection for the banner.
import { useCallback, useEffect, useEffectEvent, useRef, useState } from 'react';
import { trpc } from '../../lib/trpc.ts';
import {
  connectLiveSeats,
  type LiveConnection,
  type LiveSeatChange,
} from './live-seats-connection.ts';
import type { LiveSeatState } from './live-seat-state.ts';

export type { LiveConnection, LiveSeatChange };

/** How long "Seat map resynced" stays up after a recovery. */
const RESYNCED_MS = 4_000;

export const useLiveSeats = ({
  eventId,
  onChange,
}: {
  eventId: string;
  onChange?: (change: LiveSeatChange) => void;
}) => {
  const utils = trpc.useUtils();
  const [held, setHeld] = useState<{ eventId: string; state: LiveSeatState } | null>(null);
  const [connection, setConnection] = useState<LiveConnection>('connecting');
  const [resyncedAt, setResyncedAt] = useState<number | null>(null);
  const connectionRef = useRef<{ resync: () => void } | null>(null);
  const emitChange = useEffectEvent((change: LiveSeatChange) => onChange?.(change));

  useEffect(() => {
    setConnection('connecting');
    const live = connectLiveSeats({
      eventId,
      subscribe: (input, handlers) => utils.client.seats.onChange.subscribe(input, handlers),
      onState: (state) => setHeld({ eventId, state }),
      onConnection: (next, recovered) => {
        setConnection(next);
        if (recovered) setResyncedAt(Date.now());
      },
      onChange: (change) => emitChange(change),
    });
    connectionRef.current = live;
    return () => {
      connectionRef.current = null;
      live.close();
    };
  }, [utils, eventId]);

  useEffect(() => {
    if (resyncedAt === null) return;
    const timer = setTimeout(() => setResyncedAt(null), RESYNCED_MS);
    return () => clearTimeout(timer);
  }, [resyncedAt]);

  /** A fresh snapshot (after a refusal that says the map is out of date). */
  const resync = useCallback(() => connectionRef.current?.resync(), []);

  return {
    state: held?.eventId === eventId ? held.state : null,
    connection,
    resynced: resyncedAt !== null && connection === 'live',
    resync,
  };
};

export type LiveSeats = ReturnType<typeof useLiveSeats>;

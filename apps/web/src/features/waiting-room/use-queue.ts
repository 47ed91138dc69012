// The fan's place in the event's waiting room, live: the onUpdate subscription (which reconnects
// by itself after a network drop; every message is the whole state from the server, so a refresh
// or reconnect loses nothing), a join when the fan has no place yet, and the pass stored at admission.
import type { QueueStatus } from '@tessera/contracts/waiting-room';
import { useEffect, useRef, useState } from 'react';
import { readAppError } from '../../lib/app-error.ts';
import { trpc } from '../../lib/trpc.ts';
import { storeAdmission } from './admission-storage.ts';

const firstPositionKey = (windowId: string) => `tessera:queue-first-position:${windowId}`;

/** The first place this tab saw in the window (for the progress bar), remembered across refreshes. */
const rememberFirstPosition = (windowId: string, position: number): number => {
  try {
    const stored = Number(sessionStorage.getItem(firstPositionKey(windowId)));
    if (stored >= position) return stored;
    sessionStorage.setItem(firstPositionKey(windowId), String(position));
  } catch {
    // Storage disabled: the bar starts from the current place.
  }
  return position;
};

export const useQueue = (eventId: string) => {
  const [status, setStatus] = useState<QueueStatus | null>(null);
  const [firstPosition, setFirstPosition] = useState<number | null>(null);
  // Server time minus this device's time, so countdowns agree with the server's clock.
  const [clockOffsetMs, setClockOffsetMs] = useState(0);
  const subscription = trpc.waitingRoom.onUpdate.useSubscription(
    { eventId },
    {
      onData: (next) => {
        setStatus(next);
        setClockOffsetMs(next.serverNow - Date.now());
        if (next.state === 'ADMITTED' && next.admission) storeAdmission(eventId, next.admission);
        if (next.position !== null)
          setFirstPosition(rememberFirstPosition(next.window.id, next.position));
      },
    },
  );
  const join = trpc.waitingRoom.join.useMutation();
  const joinRef = useRef(join.mutate);
  joinRef.current = join.mutate;

  // A fan who opens the queue page wants a place: join once the queue accepts arrivals.
  const opensAt = status ? (status.window.preQueueOpensAt ?? status.window.startsAt) : null;
  const canJoinAt = status?.state === 'NOT_JOINED' ? opensAt : null;
  const [attempted, setAttempted] = useState(false);
  useEffect(() => {
    if (canJoinAt === null || attempted) return;
    const wait = Math.max(0, canJoinAt - (Date.now() + clockOffsetMs));
    const timer = window.setTimeout(() => {
      setAttempted(true);
      joinRef.current({ eventId });
    }, wait);
    return () => window.clearTimeout(timer);
  }, [canJoinAt, attempted, clockOffsetMs, eventId]);

  const errorCode = readAppError(subscription.error)?.code ?? null;
  return {
    status,
    firstPosition,
    clockOffsetMs,
    /** Connection lost after a first message: the link is reconnecting; the last state stays shown. */
    reconnecting: status !== null && subscription.status === 'connecting',
    connecting: status === null && subscription.status !== 'error',
    error: subscription.status === 'error' ? subscription.error : null,
    errorCode,
    retry: () => subscription.reset(),
    join: () => join.mutate({ eventId }),
    joinError: join.error,
    joining: join.isPending,
  };
};

export type QueueState = ReturnType<typeof useQueue>;

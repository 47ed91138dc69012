// The live seat map's connection, without React: one seats.onChange subscription feeding the
// versioned seat state. The link resumes a dropped connection from the last version applied; a gap
// in versions, a failed subscription or an explicit resync starts over from a fresh snapshot.
import type { SeatsChangeMessage } from '@tessera/contracts/seats';
import { applyMessage, type LiveSeatState } from './live-seat-state.ts';

/** 'connecting' before the first snapshot; 'reconnecting' after losing the stream; else 'live'. */
export type LiveConnection = 'connecting' | 'live' | 'reconnecting';

export interface LiveSeatChange {
  message: SeatsChangeMessage;
  /** Seats whose status changed with this message. */
  changed: number[];
}

/** The shape of `client.seats.onChange.subscribe` that this module uses. */
export type SubscribeToSeats = (
  input: { eventId: string },
  handlers: {
    onData: (tracked: { data: SeatsChangeMessage }) => void;
    onConnectionStateChange: (state: { state: string; error: unknown }) => void;
    onError: (error: unknown) => void;
  },
) => { unsubscribe: () => void };

export const RETRY_MS = [500, 1_000, 2_000, 5_000, 10_000];

export const connectLiveSeats = ({
  eventId,
  subscribe,
  onState,
  onConnection,
  onChange,
  setTimer = (run, ms) => {
    const id = setTimeout(run, ms);
    return () => clearTimeout(id);
  },
}: {
  eventId: string;
  subscribe: SubscribeToSeats;
  onState: (state: LiveSeatState) => void;
  /** `recovered` is true when the stream came back after being lost. */
  onConnection: (connection: LiveConnection, recovered: boolean) => void;
  onChange?: (change: LiveSeatChange) => void;
  setTimer?: (run: () => void, ms: number) => () => void;
}) => {
  let state: LiveSeatState | null = null;
  let lost = false;
  let failures = 0;
  let closed = false;
  let cancelRetry = () => {};
  let current: { unsubscribe: () => void } | null = null;

  const markLost = () => {
    if (!state || lost) return;
    lost = true;
    onConnection('reconnecting', false);
  };
  const markLive = () => {
    failures = 0;
    onConnection('live', lost);
    lost = false;
  };

  const start = () => {
    if (closed) return;
    let active = true;
    const subscription = subscribe(
      { eventId },
      {
        onData: ({ data: message }) => {
          if (!active) return;
          const outcome = applyMessage(state, message);
          if (outcome.kind === 'stale') return;
          if (outcome.kind === 'gap') return restart();
          state = outcome.state;
          onState(state);
          if (message.kind === 'snapshot') markLive();
          onChange?.({ message, changed: outcome.changed });
        },
        onConnectionStateChange: ({ state: link, error }) => {
          if (!active) return;
          // 'pending' = connected again: the server resumes from the last version applied.
          if (link === 'pending' && state && lost) markLive();
          if (link === 'connecting' && error) markLost();
        },
        onError: () => {
          if (!active) return;
          // The stream ended with an error the link does not retry: start over after a pause.
          markLost();
          const delay = RETRY_MS[Math.min(failures, RETRY_MS.length - 1)] as number;
          failures += 1;
          stop();
          cancelRetry = setTimer(start, delay);
        },
      },
    );
    const stop = () => {
      active = false;
      subscription.unsubscribe();
    };
    current = { unsubscribe: stop };
  };

  /** Drops the subscription and subscribes again without a resume point: a fresh snapshot. */
  const restart = () => {
    cancelRetry();
    current?.unsubscribe();
    markLost();
    start();
  };

  start();
  return {
    resync: restart,
    close: () => {
      closed = true;
      cancelRetry();
      current?.unsubscribe();
    },
  };
};

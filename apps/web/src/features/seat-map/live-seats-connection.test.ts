import type { SeatsChangeMessage } from '@tessera/contracts/seats';
import { describe, expect, it } from 'vitest';
import {
  connectLiveSeats,
  RETRY_MS,
  type LiveConnection,
  type SubscribeToSeats,
} from './live-seats-connection.ts';
import type { LiveSeatState } from './live-seat-state.ts';

const EVENT = 'a3c5e0f2-9a39-4a53-8f2e-6a1d3f6b9c10';

const snapshot = (version: number, statuses: string): SeatsChangeMessage => ({
  kind: 'snapshot',
  eventId: EVENT,
  version,
  seatIds: [...statuses].map((_, i) => i + 1),
  statuses,
  mine: [],
});
const delta = (
  from: number,
  to: number,
  seats: [number, 'a' | 'h' | 's'][],
): SeatsChangeMessage => ({
  kind: 'delta',
  eventId: EVENT,
  fromVersion: from,
  toVersion: to,
  seats,
});

/** A stand-in for the tRPC client: records subscriptions so the test plays the server. */
const fakeServer = () => {
  const subscriptions: { handlers: Parameters<SubscribeToSeats>[1]; open: boolean }[] = [];
  const subscribe: SubscribeToSeats = (_input, handlers) => {
    const entry = { handlers, open: true };
    subscriptions.push(entry);
    return { unsubscribe: () => void (entry.open = false) };
  };
  const latest = () => {
    const entry = subscriptions.at(-1);
    if (!entry?.open) throw new Error('no open subscription');
    return entry.handlers;
  };
  return {
    subscribe,
    subscriptions,
    send: (message: SeatsChangeMessage) => latest().onData({ data: message }),
    link: (state: string, error: unknown = null) =>
      latest().onConnectionStateChange({ state, error }),
    fail: () => latest().onError(new Error('stream failed')),
  };
};

const connect = () => {
  const server = fakeServer();
  const seen = {
    states: [] as LiveSeatState[],
    connection: [] as string[],
    timers: [] as number[],
  };
  let runTimer: (() => void) | null = null;
  const live = connectLiveSeats({
    eventId: EVENT,
    subscribe: server.subscribe,
    onState: (state) => seen.states.push(state),
    onConnection: (connection: LiveConnection, recovered) =>
      seen.connection.push(recovered ? `${connection} (recovered)` : connection),
    setTimer: (run, ms) => {
      seen.timers.push(ms);
      runTimer = run;
      return () => (runTimer = null);
    },
  });
  const drawn = () => [...(seen.states.at(-1)?.statuses.values() ?? [])].join('');
  return { server, seen, live, drawn, fireTimer: () => runTimer?.() };
};

describe('live seat map connection', () => {
  it('draws the snapshot, then each delta in order', () => {
    const { server, seen, drawn } = connect();
    server.send(snapshot(10, 'aaa'));
    server.send(delta(10, 12, [[2, 'h']]));
    server.send(delta(12, 13, [[3, 's']]));
    expect(drawn()).toBe('ahs');
    expect(seen.states.at(-1)?.version).toBe(13);
    expect(seen.connection).toEqual(['live']);
  });

  it('starts over from a fresh snapshot when a delta skips versions', () => {
    const { server, seen, drawn } = connect();
    server.send(snapshot(10, 'aaa'));
    server.send(delta(11, 12, [[1, 'h']]));
    expect(server.subscriptions).toHaveLength(2);
    expect(server.subscriptions[0]?.open).toBe(false);
    expect(drawn()).toBe('aaa');
    expect(seen.connection).toEqual(['live', 'reconnecting']);
    server.send(snapshot(12, 'haa'));
    expect(drawn()).toBe('haa');
    expect(seen.connection).toEqual(['live', 'reconnecting', 'live (recovered)']);
  });

  it('ignores a replayed delta after the link resumed', () => {
    const { server, seen } = connect();
    server.send(snapshot(1, 'aa'));
    server.send(delta(1, 2, [[1, 'h']]));
    server.send(delta(1, 2, [[1, 'h']]));
    expect(seen.states).toHaveLength(2);
    expect(server.subscriptions).toHaveLength(1);
  });

  it('says it is reconnecting while the link is down and resynced when it is back', () => {
    const { server, seen } = connect();
    server.link('connecting');
    server.send(snapshot(1, 'aa'));
    server.link('pending');
    server.link('connecting', new Error('network down'));
    server.link('connecting', new Error('network down'));
    server.link('pending');
    expect(seen.connection).toEqual(['live', 'reconnecting', 'live (recovered)']);
    // The resume itself happens in the link: still one subscription.
    expect(server.subscriptions).toHaveLength(1);
  });

  it('retries a failed subscription with growing pauses, from a fresh snapshot', () => {
    const { server, seen, fireTimer, drawn } = connect();
    server.send(snapshot(1, 'aa'));
    server.fail();
    expect(server.subscriptions[0]?.open).toBe(false);
    fireTimer();
    server.fail();
    fireTimer();
    expect(seen.timers).toEqual([RETRY_MS[0], RETRY_MS[1]]);
    server.send(snapshot(5, 'ss'));
    expect(drawn()).toBe('ss');
    expect(seen.connection).toEqual(['live', 'reconnecting', 'live (recovered)']);
    server.fail();
    expect(seen.timers.at(-1)).toBe(RETRY_MS[0]);
  });

  it('stops for good when closed: no retry, messages from the old stream are ignored', () => {
    const { server, seen, live, fireTimer } = connect();
    server.send(snapshot(1, 'aa'));
    const old = server.subscriptions[0]?.handlers;
    live.close();
    expect(server.subscriptions[0]?.open).toBe(false);
    old?.onData({ data: delta(1, 2, [[1, 'h']]) });
    fireTimer();
    expect(seen.states).toHaveLength(1);
    expect(server.subscriptions).toHaveLength(1);
  });

  it('resyncs on request (a refusal said the map is out of date)', () => {
    const { server, live, drawn } = connect();
    server.send(snapshot(1, 'aa'));
    live.resync();
    expect(server.subscriptions).toHaveLength(2);
    server.send(snapshot(7, 'hs'));
    expect(drawn()).toBe('hs');
  });
});

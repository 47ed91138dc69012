// The seat map stream of one subscriber: a snapshot (or, on resume, the changes it missed), then
// the hub's coalesced deltas, resynced by a snapshot after a load or a gap. Shared by the tRPC
// procedure and the SSE fast path; a hub delta that a subscriber receives as is becomes one message
// object and one JSON string for every subscriber, not one each.
import type { SeatsChangeMessage } from '@tessera/contracts/seats';
import { readSeatsSnapshot } from '@tessera/core/checkout/seats-snapshot';
import { readChangesSince } from '@tessera/core/seat-stream/read-changes-since';
import { coalesceChanges, type HubDelta } from '@tessera/core/seat-stream/stream-changes';
import type { Context } from '../../context.ts';
import { eventStreamHubOf } from './seat-hubs.ts';
import { createSubscriptionQueue } from '../../subscription-queue.ts';

export interface SeatChangeEvent {
  /** The version the client holds after this message (the SSE id). */
  id: string;
  message: SeatsChangeMessage;
}

const sharedMessages = new WeakMap<HubDelta, SeatsChangeMessage>();
const serialized = new WeakMap<SeatsChangeMessage, string>();

/** The message's JSON, computed once per message object (shared deltas are shared objects). */
export const messageJson = (message: SeatsChangeMessage): string => {
  let json = serialized.get(message);
  if (json === undefined) serialized.set(message, (json = JSON.stringify(message)));
  return json;
};

const deltaMessage = (eventId: string, delta: HubDelta): SeatsChangeMessage => {
  let message = sharedMessages.get(delta);
  if (!message) {
    const { loadVersion: _, ...rest } = delta;
    sharedMessages.set(delta, (message = { kind: 'delta', eventId, ...rest }));
  }
  return message;
};

// The event every in-step subscriber gets for a hub delta: one object for all of them, and the
// last one at hand, since a fan-out asks for the same delta once per subscriber in a row.
const sharedEvents = new WeakMap<HubDelta, SeatChangeEvent>();
let lastShared: { delta: HubDelta; event: SeatChangeEvent } | undefined;
const sharedEvent = (eventId: string, delta: HubDelta): SeatChangeEvent => {
  if (lastShared?.delta === delta) return lastShared.event;
  let event = sharedEvents.get(delta);
  if (!event) {
    event = { id: String(delta.toVersion), message: deltaMessage(eventId, delta) };
    sharedEvents.set(delta, event);
  }
  lastShared = { delta, event };
  return event;
};

const parseVersion = (lastEventId: string | undefined): number | null => {
  if (lastEventId === undefined || !/^\d+$/.test(lastEventId)) return null;
  return Number(lastEventId);
};

export async function* seatChanges({
  ctx,
  eventId,
  lastEventId,
  signal,
  deliverNow,
}: {
  ctx: Pick<Context, 'checkout' | 'config' | 'getSession'>;
  eventId: string;
  lastEventId?: string;
  signal: AbortSignal | undefined;
  /**
   * Optional synchronous delivery: while this subscriber is in step and idle, a hub delta goes
   * straight here from the hub's loop (no queue, no generator round trip per subscriber); the
   * generator yields the rest (first message, resyncs, anything behind a queued delta).
   */
  deliverNow?: (event: SeatChangeEvent) => void;
}): AsyncGenerator<SeatChangeEvent, void> {
  const deps = ctx.checkout;
  const userId = (await ctx.getSession())?.user.id ?? null;
  const snapshot = async (): Promise<SeatChangeEvent> => {
    const state = await readSeatsSnapshot({ ...deps, eventId, userId });
    return { id: String(state.version), message: { kind: 'snapshot', ...state } };
  };
  const queue = createSubscriptionQueue<HubDelta>(signal);
  /** The version the client has (or will have once the last yielded event is written). */
  let sent = -1;
  /** True while the generator waits on an empty queue with nothing of its own in flight. */
  let idle = false;
  let aborted = signal?.aborted ?? false;
  signal?.addEventListener('abort', () => (aborted = true), { once: true });
  const listener = (delta: HubDelta) => {
    if (deliverNow && idle && delta.fromVersion === sent && queue.size === 0) {
      if (delta.loadVersion > sent || aborted) return queue.push(delta);
      sent = delta.toVersion;
      return deliverNow(sharedEvent(eventId, delta));
    }
    queue.push(delta);
  };
  // Subscribe first: a change committed while the snapshot is read is then queued, not lost.
  const unsubscribe = await eventStreamHubOf(ctx).subscribe({ eventId, listener });
  try {
    const since = parseVersion(lastEventId);
    const missed =
      since === null
        ? null
        : await readChangesSince({ ...deps, eventId, sinceVersion: since }).then(
            (changes) => changes && coalesceChanges({ fromVersion: since, changes }),
          );
    if (since !== null && missed && missed.loadVersion <= since) {
      sent = missed.toVersion;
      // A resume with nothing missed sends nothing until the next change.
      if (sent > since) yield { id: String(sent), message: deltaMessage(eventId, missed) };
    } else {
      const first = await snapshot();
      sent = Number(first.id);
      yield first;
    }
    for (;;) {
      idle = true;
      const delta = await queue.next();
      idle = false;
      if (!delta) return;
      if (delta.toVersion <= sent) continue;
      if (delta.loadVersion > sent || delta.fromVersion > sent) {
        // A load replaced the state, or changes went missing: the client restarts from a snapshot.
        const fresh = await snapshot();
        sent = Number(fresh.id);
        yield fresh;
        continue;
      }
      // Usually the delta starts where this subscriber is (shared message); after a resume it
      // may overlap what was sent, and is then relabelled from `sent` for this subscriber only.
      const message =
        delta.fromVersion === sent
          ? deltaMessage(eventId, delta)
          : deltaMessage(eventId, { ...delta, fromVersion: sent });
      sent = delta.toVersion;
      yield { id: String(sent), message };
    }
  } finally {
    unsubscribe();
  }
}

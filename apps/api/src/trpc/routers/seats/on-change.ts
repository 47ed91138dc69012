// seats.onChange: snapshot (or the missed changes on resume) then coalesced live deltas, each
// tracked by version so SSE clients resume with Last-Event-ID.
import { tracked } from '@trpc/server';
import { ZSeatsOnChangeRequest, type SeatsChangeMessage } from '@tessera/contracts/seats';
import { readSeatsSnapshot } from '@tessera/core/checkout/seats-snapshot';
import { readChangesSince } from '@tessera/core/seat-stream/read-changes-since';
import { coalesceChanges, type HubDelta } from '@tessera/core/seat-stream/stream-changes';
import { publicProcedure } from '../../procedures.ts';
import { eventStreamHubOf } from './seat-hubs.ts';
import { createSubscriptionQueue } from './subscription-queue.ts';

const parseVersion = (lastEventId: string | undefined): number | null => {
  if (lastEventId === undefined || !/^\d+$/.test(lastEventId)) return null;
  return Number(lastEventId);
};

export const seatsOnChangeProcedure = publicProcedure
  .input(ZSeatsOnChangeRequest)
  .subscription(async function* ({ ctx, input, signal }) {
    const { eventId } = input;
    const deps = ctx.checkout;
    const userId = (await ctx.getSession())?.user.id ?? null;
    const snapshot = async () => {
      const state = await readSeatsSnapshot({ ...deps, eventId, userId });
      const message: SeatsChangeMessage = { kind: 'snapshot', ...state };
      return { version: state.version, message };
    };
    const hub = eventStreamHubOf(ctx);
    const queue = createSubscriptionQueue<HubDelta>(signal);
    // Subscribe first: a change committed while the snapshot is read is then queued, not lost.
    const unsubscribe = await hub.subscribe({ eventId, listener: queue.push });
    try {
      const since = parseVersion(input.lastEventId);
      const missed =
        since === null
          ? null
          : await readChangesSince({ ...deps, eventId, sinceVersion: since }).then(
              (changes) => changes && coalesceChanges({ fromVersion: since, changes }),
            );
      let first;
      if (since !== null && missed && missed.loadVersion <= since) {
        const { loadVersion: _, ...delta } = missed;
        first = { version: missed.toVersion, message: { kind: 'delta', eventId, ...delta } };
      } else {
        first = await snapshot();
      }
      let sent = first.version;
      // A resume with nothing missed sends nothing until the next change.
      if (first.message.kind === 'snapshot' || first.version > (since ?? -1)) {
        yield tracked(String(sent), first.message as SeatsChangeMessage);
      }
      for (;;) {
        const delta = await queue.next();
        if (!delta) return;
        if (delta.toVersion <= sent) continue;
        if (delta.loadVersion > sent || delta.fromVersion > sent) {
          // A load replaced the state, or changes went missing: the client restarts from a snapshot.
          const fresh = await snapshot();
          sent = fresh.version;
          yield tracked(String(sent), fresh.message);
          continue;
        }
        const { loadVersion: _, ...rest } = delta;
        const message: SeatsChangeMessage = { kind: 'delta', eventId, ...rest, fromVersion: sent };
        sent = delta.toVersion;
        yield tracked(String(sent), message);
      }
    } finally {
      unsubscribe();
    }
  });

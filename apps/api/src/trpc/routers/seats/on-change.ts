// seats.onChange: snapshot (or the missed changes on resume) then coalesced live deltas, each
// tracked by version so SSE clients resume with Last-Event-ID. Single SSE GETs are served by the
// fast path (seats-sse-fast-path.ts) with the same messages; this serves createCaller and the rest.
import { tracked } from '@trpc/server';
import { ZSeatsOnChangeRequest } from '@tessera/contracts/seats';
import { publicProcedure } from '../../procedures.ts';
import { seatChanges } from './seat-changes.ts';

export const seatsOnChangeProcedure = publicProcedure
  .input(ZSeatsOnChangeRequest)
  .subscription(async function* ({ ctx, input, signal }) {
    for await (const { id, message } of seatChanges({ ctx, ...input, signal })) {
      yield tracked(id, message);
    }
  });

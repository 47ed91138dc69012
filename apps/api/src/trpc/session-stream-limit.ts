// Caps the subscription streams (SSE) one signed-in session holds open on this replica, so one
// account cannot pin unbounded sockets and fan-out work: the next one is refused with 429 until
// one closes. Anonymous streams (the public seat map) carry no session and are not counted here.
// The cap is STREAMS_PER_SESSION (config.streamsPerSession) and counted per replica, in memory: a
// slot is freed the moment its socket closes, with no Redis round trip on every stream open and
// close, and nothing to leak when a replica dies (a shared Redis count would need per-replica
// leases to undo a dead replica's slots). Behind a load balancer a session can so hold up to the cap
// on each replica it reaches; the cap bounds what one session costs one process, which is the point.
import { AppErrorCode } from '@tessera/contracts/errors';
import { AppError } from '@tessera/core/errors/app-error';
import { toTrpcError } from './to-trpc-error.ts';

/** STREAMS_PER_SESSION when unset: a few tabs (seat map, event list, queue) with room to spare. */
export const DEFAULT_STREAMS_PER_SESSION = 10;

const openBySession = new Map<string, number>();

/** Takes one of the session's `limit` stream slots; the returned function gives it back (once). */
export const acquireSessionStream = (sessionId: string, limit: number): (() => void) => {
  const open = openBySession.get(sessionId) ?? 0;
  if (open >= limit) {
    throw new AppError(AppErrorCode.RATE_LIMITED, {
      message: `Session already has ${open} open streams`,
      userMessage: `You have ${limit} live updates open already. Close a tab and try again.`,
      retryAfterSeconds: 5,
    });
  }
  openBySession.set(sessionId, open + 1);
  let released = false;
  return () => {
    if (released) return;
    released = true;
    const left = (openBySession.get(sessionId) ?? 1) - 1;
    if (left > 0) openBySession.set(sessionId, left);
    else openBySession.delete(sessionId);
  };
};

/**
 * Wraps a subscription's async iterable: errors raised while iterating become their mapped
 * TRPCError (a NOT_FOUND stays 404 in the stream, not 500), and the session's slot, if any, is
 * released however the stream ends.
 */
export const guardStream = <T>(
  iterable: AsyncIterable<T>,
  { release = () => {}, signal }: { release?: () => void; signal: AbortSignal | undefined },
): AsyncIterable<T> => {
  signal?.addEventListener('abort', release, { once: true });
  const rethrow = (error: unknown): never => {
    release();
    throw toTrpcError(error) ?? error;
  };
  return {
    [Symbol.asyncIterator](): AsyncIterator<T> {
      const iterator = iterable[Symbol.asyncIterator]();
      return {
        async next() {
          try {
            const result = await iterator.next();
            if (result.done) release();
            return result;
          } catch (error) {
            return rethrow(error);
          }
        },
        async return(value?: unknown) {
          release();
          return (await iterator.return?.(value)) ?? { done: true, value: undefined as T };
        },
        async throw(error?: unknown) {
          release();
          if (iterator.throw) return iterator.throw(error);
          throw error;
        },
      };
    },
  };
};

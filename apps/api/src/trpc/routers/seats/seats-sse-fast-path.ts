// Serves single SSE GETs of seats.onChange straight from Fastify in tRPC's SSE wire format: one
// socket write per message, with each delta's frame built once and shared by every subscriber in
// step, instead of the adapter's per-subscriber web-stream pipeline (generator, Transform and
// TextEncoder streams, a stringify per subscriber). Batches and inputs that fail validation go
// to the official adapter, so their errors keep its exact format.
//
// Frames go to the socket directly, already in HTTP/1.1 chunked framing (size line, data, CRLF):
// `res.write` would cork the socket, queue three buffers and uncork on the next tick, i.e. a
// writev plus a tick per subscriber per message; here it is one synchronous write of one shared
// Buffer. The response's own headers and final chunk still go through `res`.
import type { ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import { getErrorShape, getTRPCErrorFromUnknown } from '@trpc/server';
import {
  fastifyRequestHandler,
  type CreateFastifyContextOptions,
  type FastifyTRPCPluginOptions,
} from '@trpc/server/adapters/fastify';
import { ZSeatsOnChangeRequest, type SeatsChangeMessage } from '@tessera/contracts/seats';
import type { AppRouter } from '../../router.ts';
import { acquireSessionStream } from '../../session-stream-limit.ts';
import { toTrpcError } from '../../to-trpc-error.ts';
import { messageJson, seatChanges, type SeatChangeEvent } from './seat-changes.ts';

const PATH = 'seats.onChange';
/** Bytes a subscriber's socket may have queued before the subscriber is cut off. */
const MAX_BUFFERED_BYTES = 1024 * 1024;

/** One SSE event's bytes, as is (HTTP/1.0 clients) and as one HTTP/1.1 chunk. */
interface Frame {
  raw: Buffer;
  chunked: Buffer;
}

const CRLF = Buffer.from('\r\n');
const frame = (text: string): Frame => {
  const raw = Buffer.from(text);
  const size = Buffer.from(`${raw.length.toString(16)}\r\n`);
  return { raw, chunked: Buffer.concat([size, raw, CRLF]) };
};

// Encoded once per message: every subscriber in step gets the same bytes (no UTF-8 encoding of
// the same string once per socket). The last one is kept at hand, since a fan-out asks for the
// same message once per subscriber in a row.
const frames = new WeakMap<SeatsChangeMessage, Frame>();
let last: { message: SeatsChangeMessage; frame: Frame } | undefined;
const frameOf = (id: string, message: SeatsChangeMessage) => {
  if (last?.message === message) return last.frame;
  let found = frames.get(message);
  if (found === undefined) {
    // tRPC's SSE framing: data line, id line, then a blank line plus one more newline.
    found = frame(`data: ${messageJson(message)}\nid: ${id}\n\n\n`);
    frames.set(message, found);
  }
  last = { message, frame: found };
  return found;
};

const PING = frame('event: ping\ndata: \n\n\n');

/** Writes whole frames to the response's socket (through `res` where that is not safe). */
const frameWriter = (res: ServerResponse, head: boolean): ((f: Frame) => void) => {
  // Sends the status line and headers now, so frames can follow them on the socket.
  res.flushHeaders();
  const socket = res.socket;
  // A HEAD response has no body (`res.write` drops it); a pipelined response waits for the socket
  // (`res` queues its writes and frames them itself).
  if (head || !socket) return (f) => void res.write(f.raw);
  const chunked = res.chunkedEncoding;
  socket.setNoDelay(true);
  return (f) => {
    // After `res.end()` the socket may already carry the connection's next response.
    if (socket.destroyed || res.writableEnded) return;
    // A client this far behind on reading is cut off; it reconnects with Last-Event-ID.
    if (socket.writableLength > MAX_BUFFERED_BYTES) return void socket.destroy();
    socket.write(chunked ? f.chunked : f.raw);
  };
};

const parseJson = (raw: string | undefined): { ok: boolean; value?: unknown } => {
  try {
    return { ok: true, value: raw === undefined ? undefined : JSON.parse(raw) };
  } catch {
    return { ok: false };
  }
};

export const seatsSseFastPath = async (
  app: FastifyInstance,
  { trpcOptions }: { trpcOptions: FastifyTRPCPluginOptions<AppRouter>['trpcOptions'] },
) => {
  const { router, createContext, onError } = trpcOptions;
  const sse = router._def._config.sse;
  const pingMs = sse?.ping?.enabled ? (sse.ping.intervalMs ?? 1_000) : 0;
  const connected = frame(`event: connected\ndata: ${JSON.stringify(sse?.client ?? {})}\n\n\n`);

  app.get(`/${PATH}`, async (req, reply) => {
    const query = req.query as Record<string, string | undefined>;
    const lastEventId =
      (req.headers['last-event-id'] as string | undefined) ??
      query.lastEventId ??
      query['Last-Event-Id'];
    const json = parseJson(query.input);
    const input =
      query.batch === undefined && json.ok
        ? ZSeatsOnChangeRequest.safeParse(
            lastEventId && typeof json.value === 'object'
              ? { ...json.value, lastEventId }
              : json.value,
          )
        : undefined;
    if (!input?.success) {
      return fastifyRequestHandler({ ...trpcOptions, req, res: reply, path: PATH });
    }
    const ctx = await createContext?.({ req, res: reply } as CreateFastifyContextOptions);
    if (!ctx) throw new Error('seats SSE fast path needs createContext');
    // Past the per-session stream cap, the adapter answers (its middleware refuses with 429).
    const session = await ctx.getSession();
    let release = () => {};
    try {
      if (session) release = acquireSessionStream(session.id, ctx.config.streamsPerSession);
    } catch {
      return fastifyRequestHandler({ ...trpcOptions, req, res: reply, path: PATH });
    }

    reply.hijack();
    const res = reply.raw;
    // Headers set on the reply so far (request id, a renewed session cookie) go out too.
    for (const [name, value] of Object.entries(reply.getHeaders())) {
      if (value !== undefined) res.setHeader(name, value);
    }
    res.writeHead(200, {
      'Content-Type': 'text/event-stream',
      'Cache-Control': 'no-cache, no-transform',
      'X-Accel-Buffering': 'no',
      Connection: 'keep-alive',
    });
    const controller = new AbortController();
    res.on('close', () => controller.abort());
    const send = frameWriter(res, req.method === 'HEAD');
    send(connected);
    const ping = pingMs > 0 ? setInterval(() => send(PING), pingMs) : undefined;
    const write = ({ id, message }: SeatChangeEvent) => send(frameOf(id, message));
    try {
      for await (const event of seatChanges({
        ctx,
        ...input.data,
        signal: controller.signal,
        deliverNow: write,
      })) {
        write(event);
      }
    } catch (cause) {
      if (!controller.signal.aborted) {
        const error = toTrpcError(cause) ?? getTRPCErrorFromUnknown(cause);
        onError?.({ error, type: 'subscription', path: PATH, input: input.data, ctx, req });
        const shape = getErrorShape({
          config: router._def._config,
          error,
          type: 'subscription',
          path: PATH,
          input: input.data,
          ctx,
        });
        send(frame(`event: serialized-error\ndata: ${JSON.stringify(shape)}\n\n\n`));
      }
    } finally {
      release();
      clearInterval(ping);
      res.end();
    }
  });
};

// Serves single (non-batched) POSTs to the hot mutations straight from Fastify with tRPC's exact
// wire format, skipping the adapter's Fetch Request/Response conversion (~85 µs a call on Node 20,
// DESIGN.md section 6). Batched calls (`?batch=1`) and every other procedure keep the official adapter.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  callTRPCProcedure,
  getErrorShape,
  getTRPCErrorFromUnknown,
  type TRPCError,
} from '@trpc/server';
import {
  fastifyRequestHandler,
  type CreateFastifyContextOptions,
  type FastifyTRPCPluginOptions,
} from '@trpc/server/adapters/fastify';
import { getHTTPStatusCodeFromError } from '@trpc/server/http';
import type { AppRouter } from '../trpc/router.ts';

/** Register with Fastify's own `prefix` option ('/trpc'); routes are `<prefix>/<path>`. */
export interface TrpcFastPathOptions {
  /** Mutation paths served here, e.g. 'holds.create'. */
  mutations: string[];
  trpcOptions: FastifyTRPCPluginOptions<AppRouter>['trpcOptions'];
}

const readInput = (body: unknown): { ok: true; input: unknown } | { ok: false } => {
  if (typeof body !== 'string') return { ok: true, input: body };
  try {
    return { ok: true, input: body === '' ? undefined : JSON.parse(body) };
  } catch {
    return { ok: false };
  }
};

export const trpcFastPathPlugin = async (
  app: FastifyInstance,
  { mutations, trpcOptions }: TrpcFastPathOptions,
) => {
  const { router, createContext, onError } = trpcOptions;
  const official = (req: FastifyRequest, reply: FastifyReply, path: string) =>
    fastifyRequestHandler({ ...trpcOptions, req, res: reply, path });

  for (const path of mutations) {
    app.post(`/${path}`, async (req, reply) => {
      const parsed = readInput(req.body);
      if ((req.query as Record<string, unknown>).batch !== undefined || !parsed.ok) {
        return official(req, reply, path);
      }
      const { input } = parsed;
      let ctx: Awaited<ReturnType<NonNullable<typeof createContext>>> | undefined;
      try {
        // The adapter also passes `info` (batch details); our context never reads it.
        ctx = await createContext?.({ req, res: reply } as CreateFastifyContextOptions);
        const data: unknown = await callTRPCProcedure({
          router,
          path,
          ctx,
          getRawInput: async () => input,
          type: 'mutation',
          signal: undefined,
          batchIndex: 0,
        });
        return reply.type('application/json').send({ result: { data } });
      } catch (cause) {
        const error: TRPCError = getTRPCErrorFromUnknown(cause);
        onError?.({ error, type: 'mutation', path, input, ctx, req });
        const shape = getErrorShape({
          config: router._def._config,
          error,
          type: 'mutation',
          path,
          input,
          ctx,
        });
        return reply
          .code(getHTTPStatusCodeFromError(error))
          .type('application/json')
          .send({ error: shape });
      }
    });
  }
};

// The layout endpoint's admin check: the same session lookup tRPC procedures make (cookie renewed
// or cleared as they would), through the context the tRPC plugins build.
import type { CreateFastifyContextOptions } from '@trpc/server/adapters/fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Context } from '../trpc/context.ts';

export const adminSessionCheck =
  (createContext: (options: CreateFastifyContextOptions) => Context) =>
  async (request: FastifyRequest, reply: FastifyReply): Promise<boolean> => {
    // The adapter also passes `info` (batch details); our context never reads it.
    const context = createContext({ req: request, res: reply } as CreateFastifyContextOptions);
    return (await context.getSession())?.user.role === 'ADMIN';
  };

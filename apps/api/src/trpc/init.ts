// tRPC instance: error shape (appError + field errors, no stacks outside development) and SSE settings.
import { initTRPC } from '@trpc/server';
import type { AppErrorData } from '@tessera/contracts/errors';
import type { Context } from './context.ts';
import { toAppErrorData } from './error-data.ts';

const t = initTRPC.context<Context>().create({
  errorFormatter({ shape, error, ctx }) {
    const appError: AppErrorData = toAppErrorData(error);
    const { stack, ...data } = shape.data;
    const showStack = ctx?.config.nodeEnv === 'development';
    return {
      ...shape,
      message: appError.userMessage,
      data: { ...data, ...(showStack && stack !== undefined && { stack }), appError },
    };
  },
  sse: {
    // Keeps proxies from closing idle subscription streams; clients reconnect after silence.
    ping: { enabled: true, intervalMs: 15_000 },
    client: { reconnectAfterInactivityMs: 20_000 },
  },
});

export const router = t.router;
export const middleware = t.middleware;
export const baseProcedure = t.procedure;
export const createCallerFactory = t.createCallerFactory;

// Test helper: an in-process tRPC subscription whose messages are awaited one by one, each with a
// timeout, closed by aborting its signal (as a disconnecting SSE client does).
import { createApiDeps, createContextInner } from '../../context.ts';
import { createCallerFactory } from '../../init.ts';
import { appRouter } from '../../router.ts';
import type { TestApp } from '../../../testing/test-app.ts';

const createCaller = createCallerFactory(appRouter);
type Caller = ReturnType<typeof createCaller>;

export const subscribeInProcess = async <T>(
  testApp: TestApp,
  open: (caller: Caller) => Promise<unknown>,
) => {
  const controller = new AbortController();
  const deps = createApiDeps(testApp);
  const caller = createCaller(createContextInner({ deps }), { signal: controller.signal });
  const iterator = ((await open(caller)) as AsyncIterable<T>)[Symbol.asyncIterator]();
  return {
    async next(timeoutMs = 4_000): Promise<T> {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error('no subscription message in time')), timeoutMs);
      });
      try {
        const result = await Promise.race([iterator.next(), timeout]);
        if (result.done) throw new Error('subscription ended');
        return result.value;
      } finally {
        clearTimeout(timer);
      }
    },
    async close() {
      controller.abort();
      await iterator.return?.();
    },
  };
};

/** Awaits a condition by yielding to the event loop (bounded), for cleanup that runs in finally. */
export const waitFor = async (condition: () => boolean) => {
  for (let i = 0; i < 1_000 && !condition(); i += 1) {
    await new Promise((resolve) => setImmediate(resolve));
  }
  return condition();
};

// What fans see during a store fault: every call's HTTP status (as the HTTP layer would map the
// error) and app error code are counted, and a fan retries a retryable answer as the web app does.
import { TRPCError } from '@trpc/server';
import { getHTTPStatusCodeFromError } from '@trpc/server/http';

export interface Outcome<T> {
  status: number;
  code?: string;
  data?: T;
}

export const createFaultReport = (name: string) => {
  const statuses: Record<string, number> = {};
  let served = 0;
  let slowestMs = 0;
  let firstFaultAt = 0;
  let recoveredAt = 0;
  return {
    /** Runs one call and records `status[:code]`. */
    async call<T>(fn: () => Promise<T>): Promise<Outcome<T>> {
      served++;
      const started = Date.now();
      const took = () => (slowestMs = Math.max(slowestMs, Date.now() - started));
      try {
        const data = await fn();
        took();
        statuses['200'] = (statuses['200'] ?? 0) + 1;
        return { status: 200, data };
      } catch (error) {
        took();
        if (!(error instanceof TRPCError)) throw error;
        const status = getHTTPStatusCodeFromError(error);
        const cause = error.cause as { code?: string; message?: string } | undefined;
        // A 500 is a bug: its key names the error underneath, so the failing assertion shows it.
        const code =
          status === 500
            ? `${cause?.code ?? error.code}:${String(cause?.message ?? error.message)
                .replace(/\s+/g, ' ')
                .slice(0, 200)}`
            : (cause?.code ?? error.code);
        statuses[`${status}:${code}`] = (statuses[`${status}:${code}`] ?? 0) + 1;
        return { status, code };
      }
    },
    faultStarted: () => (firstFaultAt = Date.now()),
    /** The first success after the fault marks recovery. */
    succeeded: () => {
      if (firstFaultAt && !recoveredAt) recoveredAt = Date.now();
    },
    statuses,
    line: () =>
      `fault ${name}: requests served ${served}, answers by status ${JSON.stringify(statuses)}, recovery ${
        recoveredAt ? `${recoveredAt - firstFaultAt} ms` : 'n/a'
      }, slowest answer ${slowestMs} ms`,
    serverErrors: () =>
      Object.entries(statuses).filter(([key]) => key.startsWith('5') && !key.startsWith('503')),
  };
};

/** Retries a call while it answers 503 (with the same input, so the same idempotency key). */
export const retryWhileUnavailable = async <T>(
  call: () => Promise<Outcome<T>>,
  { tries = 60, pauseMs = 100 } = {},
): Promise<Outcome<T>> => {
  let outcome = await call();
  for (let i = 1; i < tries && outcome.status === 503; i++) {
    await new Promise((resolve) => setTimeout(resolve, pauseMs));
    outcome = await call();
  }
  return outcome;
};

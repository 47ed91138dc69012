// Every 30 s, checks the seat invariants of each event on sale and stores the summary for the sale
// dashboard. A Redis lock (SET NX PX, held for the period) lets one worker replica run each pass.
import type { PrismaClient } from '@tessera/db/client';
import { checkOnSaleInvariants } from '@tessera/core/dashboard/check-on-sale-invariants';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';

export interface InvariantsTickDeps {
  prisma: PrismaClient;
  redis: Redis;
  seatPrefix: string;
  logger: Logger;
  everyMs?: number;
  /** Only these events (tests); omitted: every event with a window on sale. */
  eventIds?: string[];
}

/** One pass if this replica wins the period's lock; returns null when another replica has it. */
export const runInvariantsTick = async ({
  prisma,
  redis,
  seatPrefix,
  everyMs = 30_000,
  eventIds,
}: Omit<InvariantsTickDeps, 'logger'>) => {
  const won = await redis.set(
    `${seatPrefix}dashboard:invariants-lock`,
    '1',
    'PX',
    everyMs - 500,
    'NX',
  );
  if (won !== 'OK') return null;
  return checkOnSaleInvariants({ prisma, redis, prefix: seatPrefix, eventIds });
};

/** Starts the periodic pass; the returned function stops it (awaits a pass in progress). */
export const startInvariantsTick = (deps: InvariantsTickDeps) => {
  const everyMs = deps.everyMs ?? 30_000;
  let running: Promise<unknown> = Promise.resolve();
  const timer = setInterval(() => {
    running = runInvariantsTick({ ...deps, everyMs })
      .then((result) => {
        if (result && result.failed > 0) deps.logger.warn(result, 'invariant check failed');
      })
      .catch((err: unknown) => deps.logger.error({ err }, 'invariant check errored'));
  }, everyMs);
  return async () => {
    clearInterval(timer);
    await running;
  };
};

// The shared fixture of the observability tests: a real API on loopback (optionally with a real
// worker process beside it, on the same Postgres, Redis and prefix), and the traffic of a small
// sale whose effects those tests then read from /metrics.
import { expect } from 'vitest';
import { checkOnSaleInvariants } from '@tessera/core/dashboard/check-on-sale-invariants';
import { deleteKeysByPrefix } from '@tessera/core/infra/delete-keys';
import { createRedisClient } from '@tessera/core/infra/redis-client';
import { advanceAdmission } from '@tessera/core/waiting-room/advance-admission';
import { createFan } from '../testing/checkout-fixture.ts';
import { startTestApp } from '../testing/test-app.ts';
import {
  createSessionClient,
  openWaitingRoom,
} from '../trpc/routers/waiting-room/waiting-room-test-kit.ts';
import { scrapeMetrics } from './scrape-metrics.ts';
import { spawnTestWorker, type TestWorker } from './test-worker-process.ts';
import { valueOf } from './scrape-parser.ts';

export const DURATION_COUNT = 'tessera_trpc_procedure_duration_seconds_count';

export const startObservedStack = async ({ withWorker }: { withWorker: boolean }) => {
  const testApp = await startTestApp();
  const baseUrl = await testApp.listen();
  const worker: TestWorker | undefined = withWorker ? await spawnTestWorker(testApp) : undefined;
  return {
    testApp,
    baseUrl,
    worker,
    async close() {
      await worker?.stop();
      await testApp.close();
      // BullMQ keys may sit under a hash-tagged form of the prefix ({<prefix>bull}).
      const redis = createRedisClient({ redisUrl: testApp.config.redisUrl });
      await deleteKeysByPrefix(redis, `{${testApp.config.redisPrefix}`);
      await redis.quit();
    },
  };
};

export type ObservedStack = Awaited<ReturnType<typeof startObservedStack>>;

/**
 * Two fans join, are admitted, one holds two seats, the other collides on one of them; a batch of
 * two procedures; one seat-map and one queue stream open, then closed; one invariant pass.
 * Returns what only the traffic itself can tell (how often each was called, what was open when).
 */
export const driveSaleTraffic = async ({ testApp, baseUrl }: ObservedStack) => {
  const { event, window, rowA } = await openWaitingRoom(testApp);
  const eventId = event.id;
  const clients = await Promise.all(
    [1, 2].map(async () =>
      createSessionClient({
        baseUrl,
        cookieName: testApp.config.sessionCookieName,
        session: (await createFan(testApp)).token,
      }),
    ),
  );
  for (const client of clients) await client.waitingRoom.join.mutate({ eventId });
  const store = {
    prisma: testApp.prisma,
    redis: testApp.redis,
    prefix: testApp.config.redisPrefix,
  };
  await advanceAdmission({ ...store, windowId: window.id });
  // The token as the fan's client reads it; a status racing the admission step is asked again.
  let statusCalls = 0;
  const tokenOf = async (client: (typeof clients)[number]) => {
    for (let attempt = 1; ; attempt += 1) {
      statusCalls += 1;
      const status = await client.waitingRoom.status.query({ eventId });
      if (status.admission) return status.admission.token;
      if (attempt === 20) throw new Error(`fan not admitted: ${JSON.stringify(status)}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };
  const tokens = [await tokenOf(clients[0]!), await tokenOf(clients[1]!)];
  await clients[0]!.holds.create.mutate({
    eventId,
    seatIds: [rowA[0]!, rowA[1]!],
    admissionToken: tokens[0],
  });
  await expect(
    clients[1]!.holds.create.mutate({
      eventId,
      seatIds: [rowA[1]!, rowA[2]!],
      admissionToken: tokens[1],
    }),
  ).rejects.toMatchObject({ data: { appError: { code: 'SEAT_TAKEN' } } });

  // A batch of two procedures in one HTTP request: one observation each.
  const before = (await scrapeMetrics(`${baseUrl}/metrics`)).samples;
  const batch = await fetch(
    `${baseUrl}/trpc/auth.me,events.get?batch=1&input=${encodeURIComponent(JSON.stringify({ 1: { id: eventId } }))}`,
  );
  expect(batch.status).toBe(200);
  const after = (await scrapeMetrics(`${baseUrl}/metrics`)).samples;
  const batchObservations: Record<string, number> = {};
  for (const procedure of ['auth.me', 'events.get'])
    batchObservations[procedure] =
      (valueOf(after, DURATION_COUNT, { procedure }) ?? 0) -
      (valueOf(before, DURATION_COUNT, { procedure }) ?? 0);

  // Live streams: the seat map (served by the SSE fast path) and the queue (the tRPC adapter).
  const streams = await Promise.all([
    new Promise<{ unsubscribe: () => void }>((resolve, reject) => {
      const sub = clients[0]!.seats.onChange.subscribe(
        { eventId },
        { onData: () => resolve(sub), onError: reject },
      );
    }),
    new Promise<{ unsubscribe: () => void }>((resolve, reject) => {
      const sub = clients[1]!.waitingRoom.onUpdate.subscribe(
        { eventId },
        { onData: () => resolve(sub), onError: reject },
      );
    }),
  ]);
  const during = (await scrapeMetrics(`${baseUrl}/metrics`)).samples;
  const sseOpen: Record<string, number | null> = {};
  for (const procedure of ['seats.onChange', 'waitingRoom.onUpdate'])
    sseOpen[procedure] = valueOf(during, 'tessera_sse_connections', { procedure });
  for (const stream of streams) stream.unsubscribe();

  // The worker stores the invariant check every 30 s; run one pass now, as it would.
  await checkOnSaleInvariants({ ...store, eventIds: [eventId] });
  return { eventId, statusCalls, batchObservations, sseOpen };
};

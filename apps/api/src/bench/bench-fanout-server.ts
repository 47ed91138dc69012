// Child process of the fan-out benchmark: the real API (its seat-stream hub included). Bench-only
// probes over IPC, never over HTTP: memory after a GC, CPU time, and the hub's reader/listener counts.
import type { AddressInfo } from 'node:net';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { createRedisClient } from '@tessera/core/infra/redis-client';
import { sharedEventStreamHub } from '@tessera/core/seat-stream/event-stream-hub';
import { createPrismaClient } from '@tessera/db/client';
import { buildApp } from '../app.ts';
import { readApiConfig } from '../env.ts';

const config = readApiConfig();
const prisma = createPrismaClient({ databaseUrl: config.databaseUrl });
const redis = createRedisClient({ redisUrl: config.redisUrl });
const api = await buildApp({ prisma, redis, config, logger: false });
await api.listen({ port: 0, host: '127.0.0.1' });

const hub = () =>
  sharedEventStreamHub({
    redis,
    prefix: config.redisPrefix,
    windowMs: config.seatStream.coalesceWindowMs,
  });

export type FanoutServerProbe =
  | { type: 'ready'; port: number }
  | {
      type: 'probe';
      rss: number;
      heapUsed: number;
      cpuMicros: number;
      /** p99 of the event loop's delay since the previous probe (ms): the server's own lag. */
      loopDelayP99Ms: number;
      hub: ReturnType<ReturnType<typeof hub>['stats']>;
    };

const loopDelay = monitorEventLoopDelay({ resolution: 10 });
loopDelay.enable();

const send = (message: FanoutServerProbe) => process.send?.(message);
send({ type: 'ready', port: (api.server.address() as AddressInfo).port });

process.on('message', (message) => {
  if (message !== 'probe') return;
  // Run with --expose-gc: memory is read after a full collection, so it is what stays alive.
  (globalThis as { gc?: () => void }).gc?.();
  const { rss, heapUsed } = process.memoryUsage();
  const cpu = process.cpuUsage();
  const loopDelayP99Ms = loopDelay.percentile(99) / 1e6;
  loopDelay.reset();
  send({
    type: 'probe',
    rss,
    heapUsed,
    cpuMicros: cpu.user + cpu.system,
    loopDelayP99Ms,
    hub: hub().stats(),
  });
});
process.on('disconnect', () => {
  void api.close().finally(async () => {
    await Promise.all([prisma.$disconnect(), redis.quit()]);
    process.exit(0);
  });
});

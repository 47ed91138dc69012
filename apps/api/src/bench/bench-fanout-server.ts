// Child process of the fan-out benchmark: the real API (its seat-stream hub included). Bench-only
// probes over IPC, never over HTTP: memory after a GC, CPU time, the hub's reader/listener counts,
// and a trace of the hub's deltas: a listener subscribed before any subscriber (so the hub calls it
// first) notes when each delta starts going out, and a tick queued from it, which runs once the
// hub's synchronous loop over every subscriber's socket write has returned, notes when it ends.
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

export interface TracedDelta {
  fromVersion: number;
  toVersion: number;
  /** Wall-clock ms (same clock as Redis on this box) when the hub started emitting it. */
  startedAt: number;
  /** How long the hub's synchronous fan-out of it took (ms). */
  fanoutMs: number;
  /** The hub's listeners at the time (subscribers + this trace). */
  listeners: number;
}

export type FanoutServerCommand =
  'probe' | { type: 'trace-start'; eventId: string } | { type: 'trace-stop' };

export type FanoutServerProbe =
  | { type: 'ready'; port: number }
  | {
      type: 'probe';
      rss: number;
      heapUsed: number;
      cpuMicros: number;
      /** The kernel's share of cpuMicros (socket writes on loopback include the receive path). */
      systemMicros: number;
      /** p99 of the event loop's delay since the previous probe (ms): the server's own lag. */
      loopDelayP99Ms: number;
      hub: ReturnType<ReturnType<typeof hub>['stats']>;
    }
  | { type: 'tracing' }
  | { type: 'trace'; deltas: TracedDelta[] };

const loopDelay = monitorEventLoopDelay({ resolution: 10 });
loopDelay.enable();

const send = (message: FanoutServerProbe) => process.send?.(message);
send({ type: 'ready', port: (api.server.address() as AddressInfo).port });

let trace: { deltas: TracedDelta[]; unsubscribe: () => void } | undefined;

process.on('message', (message: FanoutServerCommand) => {
  if (typeof message === 'object' && message.type === 'trace-start') {
    const deltas: TracedDelta[] = [];
    void hub()
      .subscribe({
        eventId: message.eventId,
        listener: (delta) => {
          const started = performance.now();
          const traced: TracedDelta = {
            fromVersion: delta.fromVersion,
            toVersion: delta.toVersion,
            startedAt: performance.timeOrigin + started,
            fanoutMs: 0,
            listeners: hub().listenerCount(message.eventId),
          };
          deltas.push(traced);
          process.nextTick(() => (traced.fanoutMs = performance.now() - started));
        },
      })
      .then((unsubscribe) => {
        trace = { deltas, unsubscribe };
        send({ type: 'tracing' });
      });
    return;
  }
  if (typeof message === 'object' && message.type === 'trace-stop') {
    trace?.unsubscribe();
    send({ type: 'trace', deltas: trace?.deltas ?? [] });
    trace = undefined;
    return;
  }
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
    systemMicros: cpu.system,
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

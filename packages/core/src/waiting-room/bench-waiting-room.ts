// Measures the waiting-room scripts straight on Redis (no HTTP): joins/s and status reads/s with
// many concurrent callers, and how long one admission step takes with a long queue. Not part of
// `pnpm test`. Run: pnpm --filter @tessera/core exec tsx src/waiting-room/bench-waiting-room.ts
// Settings: BENCH_FANS (default 50000), BENCH_CALLERS (256).
import { randomUUID } from 'node:crypto';
import { loadavg } from 'node:os';
import { Redis } from 'ioredis';
import { dropPrefix } from '../holds/test-support.ts';
import { advanceAdmission } from './advance-admission.ts';
import { joinWaitingRoom } from './join-waiting-room.ts';
import { readQueueStatus } from './read-queue-status.ts';
import { installWindow, openWindow, TOKEN_SECRET, T0 } from './test-support.ts';

const FANS = Number(process.env.BENCH_FANS ?? 50_000);
const CALLERS = Number(process.env.BENCH_CALLERS ?? 256);
const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379/1', {
  enableAutoPipelining: true,
});
const prefix = `bench:wr:${randomUUID().slice(0, 8)}:`;

/** Redis-side cost: EVALSHA calls and microseconds so far (INFO commandstats). */
const evalshaStats = async () => {
  const info = await redis.info('commandstats');
  const match = /cmdstat_evalsha:calls=(\d+),usec=(\d+)/.exec(info);
  return { calls: Number(match?.[1] ?? 0), usec: Number(match?.[2] ?? 0) };
};

const timed = async (label: string, total: number, call: (i: number) => Promise<unknown>) => {
  const before = await evalshaStats();
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CALLERS }, async () => {
      while (next < total) {
        const i = next++;
        const t = performance.now();
        await call(i);
        latencies.push(performance.now() - t);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const p99 = latencies[Math.floor(latencies.length * 0.99)]!;
  const after = await evalshaStats();
  const perCall = (after.usec - before.usec) / Math.max(1, after.calls - before.calls);
  process.stdout.write(
    `${label.padEnd(8)} ${total} in ${seconds.toFixed(2)} s = ${Math.round(total / seconds)}/s, p99 ${p99.toFixed(1)} ms, Redis ${perCall.toFixed(1)} µs per script call\n`,
  );
};

try {
  const w = await installWindow(redis, prefix, {
    admissionRatePerMinute: 60_000,
    graceSeconds: 86_400,
  });
  await openWindow(redis, prefix, w);
  const fan = (i: number) => `bench-fan-${i}`;
  const windowId = w.windowId;
  process.stdout.write(
    `waiting room on Redis, ${CALLERS} callers; load average ${loadavg()[0]!.toFixed(1)}\n`,
  );
  await timed('join', FANS, (i) =>
    joinWaitingRoom({ redis, prefix, windowId, userId: fan(i), nowMs: T0 + 1 }),
  );
  await timed('status', FANS, (i) =>
    readQueueStatus({
      redis,
      prefix,
      windowId,
      userId: fan(i),
      tokenSecret: TOKEN_SECRET,
      nowMs: T0 + 2,
    }),
  );
  // 60,000/min for 1 s: 1,000 fans admitted in one step, from a queue of FANS.
  const t = performance.now();
  const step = await advanceAdmission({ redis, prefix, windowId, nowMs: T0 + 1_000 });
  process.stdout.write(
    `advance  ${step.admitted} admitted from a queue of ${FANS} in ${(performance.now() - t).toFixed(1)} ms\n`,
  );
} finally {
  await dropPrefix(redis, prefix);
  redis.disconnect();
}

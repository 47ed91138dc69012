// Measures what the worker's tick pays to copy a waiting room to Postgres (mirror-waiting-room.ts)
// and what the rebuild pays to put it back (restore-window.ts), on real Postgres and Redis. Not
// part of `pnpm test`. Run (DATABASE_URL and REDIS_URL of a scratch database and Redis db):
//   pnpm --filter @tessera/core exec tsx src/waiting-room/bench-waiting-room-mirror.ts
// Settings: BENCH_FANS (default 10000), BENCH_ADMIT (1000 fans admitted by one step).
import { randomUUID } from 'node:crypto';
import { loadavg } from 'node:os';
import { createPrismaClient } from '@tessera/db/client';
import { Redis } from 'ioredis';
import { dropPrefix } from '../holds/test-support.ts';
import { createTestEvent, createTestVenue, uniqueToken } from '../testing/catalog-fixtures.ts';
import { advanceAdmission } from './advance-admission.ts';
import { joinWaitingRoom } from './join-waiting-room.ts';
import { mirrorIssuedPasses, mirrorWaitingRoom } from './mirror-waiting-room.ts';
import { restoreAndMirrorWindow } from './publish-window.ts';
import { T0, openWindow } from './test-support.ts';

const FANS = Number(process.env.BENCH_FANS ?? 10_000);
const ADMIT = Number(process.env.BENCH_ADMIT ?? 1_000);
const prisma = createPrismaClient({ databaseUrl: process.env.DATABASE_URL!, poolSize: 2 });
const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379/1', {
  enableAutoPipelining: true,
});
const prefix = `bench:wrm:${randomUUID().slice(0, 8)}:`;

const timed = async <T>(label: string, run: () => Promise<T>) => {
  const started = performance.now();
  const result = await run();
  process.stdout.write(`${label.padEnd(44)} ${(performance.now() - started).toFixed(1)} ms\n`);
  return result;
};

const name = uniqueToken('BenchMirror');
const { venue } = await createTestVenue({ prisma, name, city: 'Benchville' });
const event = await createTestEvent({
  prisma,
  venueId: venue.id,
  title: name,
  city: 'Benchville',
  startsAt: new Date(T0 + 86_400_000),
  capacity: 4,
});
try {
  const row = await prisma.onSaleWindow.create({
    data: {
      eventId: event.id,
      name: 'Bench sale',
      startsAt: new Date(T0),
      endsAt: new Date(T0 + 3_600_000),
      admissionRatePerMinute: ADMIT * 60,
      graceSeconds: 86_400,
    },
  });
  const store = { prisma, redis, prefix, windowId: row.id };
  const w = { row, windowId: row.id, eventId: event.id };
  await restoreAndMirrorWindow({ prisma, redis, prefix, row, nowMs: T0 });
  await openWindow(redis, prefix, w, T0);
  const fans = Array.from({ length: FANS }, () => randomUUID());
  await Promise.all(
    fans.map((userId) => joinWaitingRoom({ redis, prefix, windowId: row.id, userId, nowMs: T0 })),
  );
  process.stdout.write(`${FANS} fans queued; load average ${loadavg()[0]!.toFixed(1)}\n`);
  const copied = await timed(`tick copy: ${FANS} new joins`, () =>
    mirrorWaitingRoom({ ...store, nowMs: T0 + 500 }),
  );
  await timed('tick copy: nothing new', () => mirrorWaitingRoom({ ...store, nowMs: T0 + 600 }));
  const step = await advanceAdmission({ ...store, nowMs: T0 + 1_000 });
  await timed(`tick copy: ${step.passes.length} passes of one step`, () =>
    mirrorIssuedPasses({ ...store, passes: step.passes }),
  );
  await dropPrefix(redis, prefix);
  const restored = await timed('rebuild: restore the window', () =>
    restoreAndMirrorWindow({ prisma, redis, prefix, row, nowMs: T0 + 2_000 }),
  );
  process.stdout.write(
    `copied ${copied.joins} joins; restored ${restored.fans} waiting, ${restored.passes} passes\n`,
  );
} finally {
  await prisma.event.delete({ where: { id: event.id } });
  await prisma.venue.delete({ where: { id: venue.id } });
  await dropPrefix(redis, prefix);
  redis.disconnect();
  await prisma.$disconnect();
}

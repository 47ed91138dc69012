// `pnpm load:setup [--fans N] [--rows N] [--seats-per-row N] [--admit-per-minute N] [--out file]`:
// creates the k6 run's event, open waiting-room window, fans and admin (see load-fixture.ts) in the
// database and Redis the API uses (DATABASE_URL, REDIS_URL, REDIS_PREFIX) and writes the fixture.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { createLoadFixture } from './load-fixture.ts';
import { DEFAULT_FIXTURE_PATH, openStores, print } from './load-cli.ts';

const ZCount = (min: number, max: number) => z.coerce.number().int().min(min).max(max);
const ZArgs = z.object({
  fans: ZCount(1, 200_000).default(2_000),
  rows: ZCount(1, 2_000).optional(),
  'seats-per-row': ZCount(4, 200).optional(),
  'admit-per-minute': ZCount(1, 1_000_000).optional(),
  out: z.string().min(1).default(DEFAULT_FIXTURE_PATH),
});

const refuse = (message: string): never => {
  console.error(`load:setup: ${message}`);
  process.exit(2);
};

let raw: Record<string, unknown> = {};
try {
  raw = parseArgs({
    options: {
      fans: { type: 'string' },
      rows: { type: 'string' },
      'seats-per-row': { type: 'string' },
      'admit-per-minute': { type: 'string' },
      out: { type: 'string' },
    },
  }).values;
} catch (error) {
  refuse((error as Error).message);
}
const parsed = ZArgs.safeParse(raw);
if (!parsed.success)
  refuse(parsed.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('; '));
const args = parsed.data!;
const stores = openStores();
try {
  const started = Date.now();
  const fixture = await createLoadFixture({
    prisma: stores.prisma,
    redis: stores.redis,
    redisPrefix: stores.prefix,
    options: {
      fans: args.fans,
      rows: args.rows,
      seatsPerRow: args['seats-per-row'],
      admitPerMinute: args['admit-per-minute'],
    },
  });
  const out = path.resolve(args.out);
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(fixture, null, 2)}\n`);
  print(
    `load:setup: event ${fixture.eventId} (${fixture.capacity} seats), window ${fixture.windowId} open, ` +
      `${fixture.fans.length} fans + admin in ${Date.now() - started} ms → ${out}`,
  );
} catch (error) {
  console.error(`load:setup failed: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  stores.redis.disconnect();
  await stores.prisma.$disconnect();
}

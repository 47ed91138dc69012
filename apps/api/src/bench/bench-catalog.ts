// `pnpm bench:catalog`: events.list, events.get and the layout endpoint with the catalog cache cold
// (nothing kept: every read misses and goes to Postgres) and warm (filled once, then served from
// Redis and the in-process layout cache), against a ceiling measured in the same run: a bare
// Fastify route returning a precomputed events.list body. Prints req/s, p50/p99, the hit rate of
// the warm runs and every figure as a ratio of the ceiling.
import { fork, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { createPrismaClient } from '@tessera/db/client';
import { ensureDatabase, migrate } from '@tessera/db/migrate';
import { readApiConfig } from '../env.ts';
import { CATALOG_CATEGORIES, createCatalogBenchFixture } from './bench-catalog-fixture.ts';

const print = (line: string) => process.stdout.write(`${line}\n`);

const ROWS = Number(process.env.BENCH_ROWS ?? 120);
const SEATS_PER_ROW = Number(process.env.BENCH_SEATS_PER_ROW ?? 100);
const EVENTS = Number(process.env.BENCH_EVENTS ?? 60);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);

const env: NodeJS.ProcessEnv = {
  ...process.env,
  REDIS_PREFIX: `bench:${randomUUID().slice(0, 8)}:`,
  LOG_LEVEL: 'silent',
};
// Its own database, created and migrated here, so bench rows never touch dev data.
env.DATABASE_URL =
  process.env.BENCH_DATABASE_URL ??
  (() => {
    const url = new URL(readApiConfig(env).databaseUrl);
    url.pathname = '/tessera_bench_catalog';
    return url.toString();
  })();
await ensureDatabase(env.DATABASE_URL);
await migrate(env.DATABASE_URL);
const prisma = createPrismaClient({ databaseUrl: env.DATABASE_URL });

print(`Preparing a ${ROWS * SEATS_PER_ROW}-seat venue and ${EVENTS} events...`);
const fixture = await createCatalogBenchFixture({
  prisma,
  rows: ROWS,
  seatsPerRow: SEATS_PER_ROW,
  events: EVENTS,
});
const { layoutVersion } = await prisma.venue.findUniqueOrThrow({
  where: { id: fixture.venueId },
  select: { layoutVersion: true },
});

interface Server {
  child: ChildProcess;
  apiPort: number;
  ceilingPort: number;
}
const startServer = async (mode: 'cold' | 'warm'): Promise<Server> => {
  const child = fork(fileURLToPath(new URL('./bench-catalog-server.ts', import.meta.url)), {
    execArgv: ['--import', 'tsx'],
    env: { ...env, BENCH_CATALOG_MODE: mode },
  });
  const ports = await new Promise<{ apiPort: number; ceilingPort: number }>((resolve, reject) => {
    child.once('message', (m) => resolve(m as { apiPort: number; ceilingPort: number }));
    child.once('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
  });
  return { child, ...ports };
};
const ask = <T>(server: Server, message: unknown, key: string) =>
  new Promise<T>((resolve) => {
    const onMessage = (reply: unknown) => {
      if (typeof reply !== 'object' || !reply || !(key in reply)) return;
      server.child.off('message', onMessage);
      resolve(reply as T);
    };
    server.child.on('message', onMessage);
    server.child.send(message as string);
  });
type Stats = { stats: Record<'hit' | 'miss' | 'outage' | 'bypass', number> };
const stats = (server: Server) => ask<Stats>(server, 'stats', 'stats');

const trpc = (path: string, input: unknown) =>
  `/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`;
const listPaths = [
  trpc('events.list', { city: fixture.city, limit: 12 }),
  ...CATALOG_CATEGORIES.map((category) =>
    trpc('events.list', { city: fixture.city, category, limit: 12 }),
  ),
];
const getPaths = fixture.eventIds.slice(0, 50).map((id) => trpc('events.get', { id }));
// What the web app's event page asks: the page without the layout (fetched once per version).
const slimPaths = fixture.eventIds
  .slice(0, 50)
  .map((id) => trpc('events.get', { id, layout: 'omit' }));
const layoutPath = `/api/venues/${fixture.venueId}/layout?version=${layoutVersion}`;

interface Run {
  name: string;
  rps: number;
  p50: number;
  p99: number;
  failures: number;
}
const run = async (
  name: string,
  port: number,
  paths: string[],
  headers: Record<string, string> = {},
): Promise<Run> => {
  const result = await autocannon({
    url: `http://127.0.0.1:${port}`,
    connections: CONNECTIONS,
    duration: SECONDS,
    requests: paths.map((path) => ({ method: 'GET', path, headers })),
  });
  const failures = result.errors + result.timeouts + result.non2xx - (result['3xx'] ?? 0);
  return {
    name,
    rps: result.requests.total / SECONDS,
    p50: result.latency.p50,
    p99: result.latency.p99,
    failures,
  };
};

const cold = await startServer('cold');
const warm = await startServer('warm');
try {
  const warmUrl = `http://127.0.0.1:${warm.apiPort}`;
  const listBody = await (await fetch(`${warmUrl}${listPaths[0]}`)).text();
  await ask(warm, { ceilingBody: listBody }, 'ceilingReady');
  // Fill the warm cache once: every list, every event page and the layout.
  for (const path of [...listPaths, ...getPaths, ...slimPaths, layoutPath]) {
    await fetch(`${warmUrl}${path}`);
  }
  const etag = (await fetch(`${warmUrl}${layoutPath}`)).headers.get('etag') ?? '';

  print(`Runs of ${SECONDS} s, ${CONNECTIONS} connections each...`);
  const runs: Run[] = [];
  runs.push(await run('ceiling: bare Fastify, precomputed list', warm.ceilingPort, ['/ceiling']));
  runs.push(await run('events.list cold', cold.apiPort, listPaths));
  const before = await stats(warm);
  runs.push(await run('events.list warm', warm.apiPort, listPaths));
  runs.push(await run('events.get cold', cold.apiPort, getPaths));
  runs.push(await run('events.get warm', warm.apiPort, getPaths));
  runs.push(await run("events.get layout: 'omit' cold", cold.apiPort, slimPaths));
  runs.push(await run("events.get layout: 'omit' warm", warm.apiPort, slimPaths));
  const br = { 'accept-encoding': 'br' };
  runs.push(await run('layout cold (br)', cold.apiPort, [layoutPath], br));
  runs.push(await run('layout warm (br)', warm.apiPort, [layoutPath], br));
  runs.push(
    await run('layout warm, If-None-Match (304)', warm.apiPort, [layoutPath], {
      ...br,
      'if-none-match': etag,
    }),
  );
  const after = await stats(warm);

  const ceilingRps = runs[0]!.rps;
  print(
    `\n${ROWS * SEATS_PER_ROW}-seat layout (${(listBody.length / 1024).toFixed(1)} kB list page as the ceiling body), ${EVENTS} events\n`,
  );
  print('run                                   req/s   p50 ms  p99 ms  failures  of ceiling');
  for (const r of runs) {
    print(
      [
        r.name.padEnd(36),
        r.rps.toFixed(0).padStart(7),
        String(r.p50).padStart(8),
        String(r.p99).padStart(7),
        String(r.failures).padStart(9),
        `${((r.rps / ceilingRps) * 100).toFixed(1)}%`.padStart(11),
      ].join(' '),
    );
  }
  const delta = (k: keyof Stats['stats']) => after.stats[k] - before.stats[k];
  const reads = delta('hit') + delta('miss') + delta('outage');
  const byName = (name: string) => runs.find((r) => r.name === name)!;
  print(
    `\nWarm hit rate: ${((delta('hit') / reads) * 100).toFixed(2)}% (${delta('hit')} hits, ${delta('miss')} misses, ${delta('outage')} outages)`,
  );
  for (const what of ['events.list', 'events.get', "events.get layout: 'omit'"]) {
    print(
      `${what}: warm / cold ${(byName(`${what} warm`).rps / byName(`${what} cold`).rps).toFixed(1)}x req/s`,
    );
  }
  print(
    `layout: warm / cold ${(byName('layout warm (br)').rps / byName('layout cold (br)').rps).toFixed(1)}x req/s`,
  );
} finally {
  cold.child.disconnect();
  warm.child.disconnect();
  await prisma.$disconnect();
}

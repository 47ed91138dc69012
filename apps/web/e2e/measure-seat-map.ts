// Measures the live seat map's render cost in headless Chromium: builds a production bundle of the
// bench page (src/features/seat-map/bench/), loads the largest seeded venue's layout from Postgres
// and prints the first draw, the first snapshot and live deltas of 1–1,000 seats, state change → painted
// frame. Run: `pnpm exec tsx apps/web/e2e/measure-seat-map.ts` (DATABASE_URL defaults to the dev DB).
import { createPrismaClient } from '@tessera/db/client';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build, preview } from 'vite';
import { launchBrowser } from './browser.ts';
import { WEB_DIR } from './e2e-env.ts';

const DATABASE_URL = process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/tessera';
const ROUNDS = Number(process.env.SEAT_MAP_BENCH_ROUNDS ?? 30);
const DELTA_SIZES = [1, 10, 100, 1000];
const ANIMATE = process.env.SEAT_MAP_BENCH_ANIMATE !== '0';
const PAGE = 'src/features/seat-map/bench/seat-map-bench.html';

interface Timing {
  render: number;
  frame: number;
}

const loadLargestLayout = async () => {
  const prisma = createPrismaClient({ databaseUrl: DATABASE_URL, poolSize: 2 });
  try {
    const [largest] = await prisma.seat.groupBy({
      by: ['venueId'],
      _count: { _all: true },
      orderBy: { _count: { id: 'desc' } },
      take: 1,
    });
    if (!largest) throw new Error('No venue with seats; run `pnpm db:seed` first.');
    const venueId = largest.venueId;
    const venue = await prisma.venue.findUniqueOrThrow({ where: { id: venueId } });
    const [sections, rows, seats, tiers] = await Promise.all([
      prisma.section.findMany({
        where: { venueId },
        orderBy: [{ sortOrder: 'asc' }, { id: 'asc' }],
      }),
      prisma.row.findMany({
        where: { section: { venueId } },
        orderBy: [{ sectionId: 'asc' }, { sortOrder: 'asc' }, { id: 'asc' }],
      }),
      prisma.seat.findMany({ where: { venueId }, orderBy: { id: 'asc' } }),
      prisma.priceTier.findMany({ where: { venueId } }),
    ]);
    const layout = {
      version: 1,
      width: venue.width,
      height: venue.height,
      stage: { x: venue.stageX, y: venue.stageY },
      sections: sections.map((s) => ({ id: s.id, code: s.code, name: s.name })),
      rows: rows.map((r) => ({ id: r.id, sectionId: r.sectionId, label: r.label })),
      seats: seats.map((s) => ({
        id: s.id,
        rowId: s.rowId,
        label: s.label,
        x: Number(s.x),
        y: Number(s.y),
        tierId: s.priceTierId,
        accessible: s.accessible,
      })),
    };
    return { name: venue.name, layout, colors: tiers.map((t) => [t.id, t.color]) };
  } finally {
    await prisma.$disconnect();
  }
};

const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
};
const print = (line: string) => process.stdout.write(`${line}\n`);
const ms = (value: number) => value.toFixed(1).padStart(7);

const main = async () => {
  const venue = await loadLargestLayout();
  const outDir = mkdtempSync(path.join(tmpdir(), 'seat-map-bench-'));
  await build({
    root: WEB_DIR,
    configFile: path.join(WEB_DIR, 'vite.config.ts'),
    mode: 'production',
    logLevel: 'warn',
    build: {
      outDir,
      emptyOutDir: true,
      sourcemap: false,
      rollupOptions: { input: path.join(WEB_DIR, PAGE) },
    },
  });
  const server = await preview({
    root: WEB_DIR,
    configFile: path.join(WEB_DIR, 'vite.config.ts'),
    logLevel: 'warn',
    build: { outDir },
    preview: { port: 0, host: '127.0.0.1' },
  });
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${server.resolvedUrls?.local[0]}${PAGE}`);
    await page.waitForFunction(() => typeof window.runSeatMapBench === 'function');
    const result = await page.evaluate(
      (input) => window.runSeatMapBench(input as Parameters<typeof window.runSeatMapBench>[0]),
      {
        layout: venue.layout,
        colors: venue.colors,
        deltaSizes: DELTA_SIZES,
        rounds: ROUNDS,
        animate: ANIMATE,
      },
    );
    print(
      `${venue.name}: ${result.seats} seats, ${result.circles} circles drawn; ${ROUNDS} rounds per delta size`,
    );
    print('step                    render ms  frame ms (p50 / p95 / max)');
    const row = (label: string, timings: Timing[]) =>
      print(
        `${label.padEnd(22)} ${ms(
          quantile(
            timings.map((t) => t.render),
            0.5,
          ),
        )}   ${ms(
          quantile(
            timings.map((t) => t.frame),
            0.5,
          ),
        )} /${ms(
          quantile(
            timings.map((t) => t.frame),
            0.95,
          ),
        )} /${ms(Math.max(...timings.map((t) => t.frame)))}`,
      );
    row('idle frame (no change)', result.idle);
    row('first draw (no status)', [result.firstDraw]);
    row('first snapshot', [result.snapshot]);
    for (const size of DELTA_SIZES)
      row(`delta of ${size} seat${size === 1 ? '' : 's'}`, result.deltas[size] ?? []);
  } finally {
    await browser.close();
    await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
    rmSync(outDir, { recursive: true, force: true });
  }
};

await main();

// Venue layouts by (venue, layoutVersion): a 12k-seat layout costs ~80 ms to read from Postgres and
// never changes without its version changing, so it is cached without invalidation, in two levels:
// this process (parsed, plus the serialized and compressed bodies the layout endpoint sends) and
// the shared Redis cache (so a fresh replica does not read Postgres either).
import { createHash } from 'node:crypto';
import { brotliCompressSync, gzipSync, constants as zlib } from 'node:zlib';
import type { VenueLayout } from '@tessera/contracts/catalog';
import type { PrismaClient } from '@tessera/db/client';
import type { CatalogCache } from '../cache/catalog-cache.ts';
import { catalogCacheTotals } from '../cache/cache-counters.ts';
import { findVenueLayout, findVenueLayoutHead } from './event.repository.ts';

export interface LayoutTier {
  id: number;
  code: string;
  name: string;
  color: string;
  defaultPriceCents: number;
}

/** One layout version: what events.get draws and prices with, and the layout endpoint's body. */
export interface CachedLayout {
  layout: VenueLayout;
  tiers: LayoutTier[];
}

export interface LayoutBodies extends CachedLayout {
  /** JSON of `layout`, the layout endpoint's body; its ETag; compressed once, on first ask. */
  json: string;
  etag: string;
  gzip: () => Buffer;
  brotli: () => Buffer;
}

/** Reads one consistent snapshot: the version and the rows it labels come from one transaction. */
const loadLayout = (prisma: PrismaClient, venueId: string): Promise<CachedLayout | null> =>
  prisma.$transaction(
    async (tx) => {
      const db = tx as unknown as PrismaClient;
      const head = await findVenueLayoutHead({ prisma: db, venueId });
      if (!head) return null;
      const { sections, rows, seats, tiers } = await findVenueLayout({ prisma: db, venueId });
      return {
        layout: {
          version: head.layoutVersion,
          width: head.width,
          height: head.height,
          stage: { x: head.stageX, y: head.stageY },
          sections,
          rows,
          seats: seats.map(({ priceTierId, ...seat }) => ({ ...seat, tierId: priceTierId })),
        },
        tiers,
      };
    },
    { isolationLevel: 'RepeatableRead' },
  );

const once = <T>(make: () => T) => {
  let value: T | undefined;
  return () => (value ??= make());
};

const toBodies = (cached: CachedLayout): LayoutBodies => {
  const json = JSON.stringify(cached.layout);
  const hash = createHash('sha256').update(json).digest('base64url').slice(0, 16);
  return {
    ...cached,
    json,
    etag: `"layout-v${cached.layout.version}-${hash}"`,
    // Measured on a 12k-seat layout (1 MB): gzip 6 → 70 kB in ~30 ms, brotli 5 → 35 kB in ~65 ms;
    // higher levels cost 4–8 times the CPU for no smaller body.
    gzip: once(() => gzipSync(json, { level: 6 })),
    brotli: once(() =>
      brotliCompressSync(json, {
        params: { [zlib.BROTLI_PARAM_QUALITY]: 5, [zlib.BROTLI_PARAM_MODE]: zlib.BROTLI_MODE_TEXT },
      }),
    ),
  };
};

let maxLocalLayouts = 32;
const local = new Map<string, Promise<LayoutBodies | null>>();

/** How many layout versions this process keeps (0: none, as `pnpm bench:catalog` measures cold). */
export const configureLocalLayoutCache = ({ maxEntries }: { maxEntries: number }) => {
  maxLocalLayouts = maxEntries;
  local.clear();
};

const remember = (key: string, loading: Promise<LayoutBodies | null>) => {
  if (maxLocalLayouts === 0) return;
  local.set(key, loading);
  loading.then(
    (found) => found ?? local.delete(key),
    () => local.delete(key),
  );
  if (local.size > maxLocalLayouts) local.delete(local.keys().next().value!);
};

export interface GetVenueLayoutOptions {
  prisma: PrismaClient;
  cache?: CatalogCache;
  venueId: string;
  /** The version the caller expects (from a cached event page or the request). */
  layoutVersion: number;
}

/**
 * The venue's layout at `layoutVersion` if that is still current; otherwise the current one
 * (callers read `layout.version`). Concurrent callers in one process share one read.
 */
export const getVenueLayout = async ({
  prisma,
  cache,
  venueId,
  layoutVersion,
}: GetVenueLayoutOptions): Promise<LayoutBodies | null> => {
  const key = `${venueId}:${layoutVersion}`;
  const hit = local.get(key);
  if (hit) {
    catalogCacheTotals.hit += 1;
    // Re-insert so the Map's insertion order doubles as least-recently-used order.
    local.delete(key);
    local.set(key, hit);
    return hit;
  }
  const loading = (async () => {
    let fresh = null as CachedLayout | null;
    const fromPostgres = async () => {
      fresh = await loadLayout(prisma, venueId);
      // Only a layout of the asked version may be stored under that version's key.
      return fresh && fresh.layout.version === layoutVersion ? JSON.stringify(fresh) : null;
    };
    const text = cache
      ? await cache.readImmutable(`layout:${key}`, fromPostgres)
      : await fromPostgres();
    const found: CachedLayout | null = text ? (JSON.parse(text) as CachedLayout) : fresh;
    return found && toBodies(found);
  })();
  remember(key, loading);
  const bodies = await loading;
  // The version moved on: keep the newer layout under its own key too.
  if (bodies && bodies.layout.version !== layoutVersion) {
    local.delete(key);
    remember(`${venueId}:${bodies.layout.version}`, Promise.resolve(bodies));
  }
  return bodies;
};

/** The venue's current layout version (null: no such venue); admin layout saves invalidate it. */
export const getCurrentLayoutVersion = async ({
  prisma,
  cache,
  venueId,
}: {
  prisma: PrismaClient;
  cache?: CatalogCache;
  venueId: string;
}): Promise<number | null> => {
  const load = async () => {
    const head = await findVenueLayoutHead({ prisma, venueId });
    return head && { value: head.layoutVersion };
  };
  return cache ? cache.read(`venue:${venueId}`, load) : ((await load())?.value ?? null);
};

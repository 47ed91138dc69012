// Catalog over plain HTTP: response compression for every large JSON answer (tRPC included; SSE
// streams are never compressed, so the seat map keeps streaming), and GET
// /api/venues/:venueId/layout, a venue's layout sent once per version: ETag, If-None-Match → 304,
// immutable caching when the URL names the version, and bodies compressed once per version. Only
// venues an event a fan can open uses are served to everyone; other venues only to admins.
import fastifyCompress from '@fastify/compress';
import type { FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { z } from 'zod';
import type { PrismaClient } from '@tessera/db/client';
import type { CatalogCache } from '@tessera/core/cache/catalog-cache';
import { getPublicLayoutVersion } from '@tessera/core/catalog/public-venue';
import {
  getCurrentLayoutVersion,
  getVenueLayout,
  type LayoutBodies,
} from '@tessera/core/catalog/venue-layout-cache';

export interface CatalogHttpOptions {
  prisma: PrismaClient;
  cache?: CatalogCache;
  /** Whether the request has an admin's session; asked only about venues hidden from fans. */
  viewerIsAdmin: (request: FastifyRequest, reply: FastifyReply) => Promise<boolean>;
}

const ZParams = z.object({ venueId: z.string().uuid('Unknown venue.') });
const ZQuery = z.object({
  version: z.coerce.number().int().min(0).max(2_147_483_647).optional(),
});

/** Smallest body worth compressing (bytes). */
const COMPRESS_FROM = 1024;

type Encoding = 'br' | 'gzip' | 'identity';

/** The best encoding the client accepts (a coding listed with q=0 is refused). */
export const pickEncoding = (acceptEncoding: string | undefined): Encoding => {
  const accepted = new Set(
    (acceptEncoding ?? '')
      .split(',')
      .map((part) => part.trim().split(/\s*;\s*/))
      .filter(([, q]) => !q || !/^q=0(\.0*)?$/.test(q))
      .map(([coding]) => coding!.toLowerCase()),
  );
  if (accepted.has('br')) return 'br';
  if (accepted.has('gzip')) return 'gzip';
  return 'identity';
};

const etagMatches = (ifNoneMatch: string | undefined, etag: string) =>
  !!ifNoneMatch &&
  ifNoneMatch.split(',').some((tag) => {
    const t = tag.trim();
    return t === '*' || t === etag || t === `W/${etag}`;
  });

const body = (bodies: LayoutBodies, encoding: Encoding) => {
  if (bodies.json.length < COMPRESS_FROM || encoding === 'identity') return bodies.json;
  return encoding === 'br' ? bodies.brotli() : bodies.gzip();
};

/**
 * One answer for an unknown venue and for one the viewer may not see (no existence oracle); never
 * kept by an HTTP cache, so a venue published a moment later shows on the next request.
 */
const venueNotFound = (reply: FastifyReply) =>
  reply
    .code(404)
    .header('cache-control', 'no-cache')
    .send({ error: 'Not Found', message: 'No published event uses a venue with this id.' });

/** Cache-Control of a layout: a versioned URL never changes; admin-only layouts stay private. */
const layoutCaching = (versioned: boolean, audience: 'public' | 'private') =>
  versioned ? `${audience}, max-age=31536000, immutable` : `${audience}, no-cache`;

export const catalogHttpPlugin = fp<CatalogHttpOptions>(
  async (app, { prisma, cache, viewerIsAdmin }) => {
    // Default types: JSON and text, never text/event-stream.
    await app.register(fastifyCompress, { threshold: COMPRESS_FROM });

    app.get('/api/venues/:venueId/layout', { compress: false }, async (request, reply) => {
      const params = ZParams.safeParse(request.params);
      const query = ZQuery.safeParse(request.query);
      if (!params.success || !query.success) {
        return reply.code(400).send({
          error: 'Bad Request',
          message: 'Ask for /api/venues/<venue id>/layout, optionally with ?version=<number>.',
        });
      }
      const { venueId } = params.data;
      const asked = query.data.version;
      // Decided before anything else is read or compared (ETags included), on every request.
      const publicVersion = await getPublicLayoutVersion({ prisma, cache, venueId });
      const audience =
        publicVersion !== null ? 'public' : (await viewerIsAdmin(request, reply)) && 'private';
      if (!audience) return venueNotFound(reply);
      const version =
        asked ?? publicVersion ?? (await getCurrentLayoutVersion({ prisma, cache, venueId }));
      const bodies =
        version === null
          ? null
          : await getVenueLayout({ prisma, cache, venueId, layoutVersion: version });
      if (!bodies) return venueNotFound(reply);
      if (asked !== undefined && bodies.layout.version !== asked) {
        return reply.code(404).send({
          error: 'Not Found',
          message: 'This layout version was replaced; ask for the current one.',
          currentVersion: bodies.layout.version,
        });
      }
      const encoding = pickEncoding(request.headers['accept-encoding']);
      reply
        .header('etag', bodies.etag)
        .header('vary', 'accept-encoding')
        // The unversioned URL is checked each time (304 when the same).
        .header('cache-control', layoutCaching(asked !== undefined, audience));
      if (etagMatches(request.headers['if-none-match'], bodies.etag)) {
        return reply.code(304).send();
      }
      const payload = body(bodies, encoding);
      if (typeof payload !== 'string') reply.header('content-encoding', encoding);
      return reply.type('application/json; charset=utf-8').send(payload);
    });
  },
  { name: 'catalog-http' },
);

// Which venue layouts the public may fetch: those of venues an event a fan can open uses (not only
// drafts). Admins' unpublished venues stay unseen, and an unknown id looks exactly the same.
import type { PrismaClient } from '@tessera/db/client';
import type { CatalogCache } from '../cache/catalog-cache.ts';
import { findPublicVenueLayoutVersion } from './event.repository.ts';

/**
 * The current layout version of a venue the public may see, else null. A yes is cached under the
 * catalog generation, which publishing, unpublishing, cancelling or moving an event bumps, so the
 * answer changes on the next read on every replica. A no is never cached: hidden and unknown ids
 * take the same path (one Postgres read), and random ids cannot fill the cache.
 */
export const getPublicLayoutVersion = async ({
  prisma,
  cache,
  venueId,
}: {
  prisma: PrismaClient;
  cache?: CatalogCache;
  venueId: string;
}): Promise<number | null> => {
  const load = async () => {
    const version = await findPublicVenueLayoutVersion({ prisma, venueId });
    return version === null ? null : { value: version };
  };
  return cache ? cache.read(`public-venue:${venueId}`, load) : ((await load())?.value ?? null);
};

// What admin event and order writes need: Postgres, the event's Redis seat state, the payment
// provider for refunds (and how long to wait for it) and the sale-info cache to forget an event as soon as it changes.
import type { CatalogCache } from '../cache/catalog-cache.ts';
import type { CheckoutDeps } from '../checkout/checkout-deps.ts';

export type AdminDeps = Pick<
  CheckoutDeps,
  'prisma' | 'redis' | 'prefix' | 'saleInfo' | 'provider' | 'chargeTimeoutMs'
> & {
  /** The shared catalog cache (events.list / events.get), when the process has one. */
  catalogCache?: Pick<CatalogCache, 'invalidate'>;
};

/** Every cache that reads an event: holds and the seat map read sale info (this process); the
 * catalog cache is shared, and its invalidation reaches every replica's next read. */
export const forgetCachedEvent = async (
  deps: Pick<AdminDeps, 'saleInfo' | 'catalogCache'>,
  eventId: string,
) => {
  deps.saleInfo.forget(eventId);
  await deps.catalogCache?.invalidate(`event ${eventId}`);
};

// What admin event and order writes need: Postgres, the event's Redis seat state, the payment
// provider for refunds and the sale-info cache to forget an event as soon as it changes.
import type { CheckoutDeps } from '../checkout/checkout-deps.ts';

export type AdminDeps = Pick<CheckoutDeps, 'prisma' | 'redis' | 'prefix' | 'saleInfo' | 'provider'>;

/** Every cache that reads an event: the catalog reads Postgres directly (layouts are cached by
 * layout version, which event writes never change); holds and the seat map read sale info. */
export const forgetCachedEvent = (deps: Pick<AdminDeps, 'saleInfo'>, eventId: string) => {
  deps.saleInfo.forget(eventId);
};

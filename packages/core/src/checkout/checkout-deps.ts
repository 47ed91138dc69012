// Everything the pay flow needs, built once by the app.
import type { PaymentProvider } from '../payments/payment-provider.ts';
import type { SeatStoreDeps } from './create-hold.ts';

export interface CheckoutDeps extends SeatStoreDeps {
  provider: PaymentProvider;
  /** How long a hold is extended (once) when its payment starts. */
  holdExtensionMs: number;
  /** No hold outlives this from its creation, extended or not. */
  maxHoldLifetimeMs: number;
  /** Keys the HMAC of a pay request, so card fields never sit in the idempotency table in clear. */
  requestHashSecret: string;
}

// Everything the pay flow needs, built once by the app.
import type { PaymentProvider } from '../payments/payment-provider.ts';
import type { SeatStoreDeps } from './create-hold.ts';

/** What finishing a payment needs (the API's pay flow and the worker's recovery sweep). */
export interface PaymentDeps extends SeatStoreDeps {
  provider: PaymentProvider;
  /**
   * A PENDING payment (or a claimed key without one) untouched for this long belongs to an attempt
   * presumed dead: a retry with the same key or the worker's sweep may take it over. Default 60 s.
   */
  paymentLeaseMs?: number;
  /** A charge not answered within this is abandoned with a 503 (payment stays PENDING). Default 15 s. */
  chargeTimeoutMs?: number;
}

export interface CheckoutDeps extends PaymentDeps {
  /** How long a hold is extended (once) when its payment starts. */
  holdExtensionMs: number;
  /** No hold outlives this from its creation, extended or not. */
  maxHoldLifetimeMs: number;
  /** Keys the HMAC of a pay request, so card fields never sit in the idempotency table in clear. */
  requestHashSecret: string;
}

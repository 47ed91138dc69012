// What checkout needs from a card processor: charge once per idempotency key, refund a charge.

export interface CardDetails {
  cardNumber: string;
  expMonth: number;
  expYear: number;
  cvc: string;
  name: string;
}

export interface ChargeRequest {
  /** Our payment id; providers use it as their idempotency key so a retry never charges twice. */
  paymentId: string;
  amountCents: number;
  currency: string;
  card: CardDetails;
  /** When the hold being paid for lapses (ms since epoch); a settlement after it is late. */
  holdExpiresAt: number;
}

export type ChargeResult =
  | {
      status: 'SUCCEEDED';
      providerRef: string;
      /** When the money actually settled (ms since epoch), as reported by the processor. */
      settledAt: number;
    }
  | { status: 'DECLINED'; reason: string };

export interface PaymentProvider {
  readonly name: string;
  charge(request: ChargeRequest): Promise<ChargeResult>;
  refund(options: { providerRef: string; amountCents: number }): Promise<void>;
  /**
   * What the provider did under this payment id (its idempotency key), or null if it never saw it.
   * Lets the recovery sweep, which has no card, learn whether a dead attempt's charge went through.
   */
  findCharge?(paymentId: string): Promise<ChargeResult | null>;
}

/** The last four digits: the only part of a card number we keep or log. */
export const last4 = (cardNumber: string) => cardNumber.slice(-4);

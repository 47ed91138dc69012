// Checkout requests/responses (checkout.pay, checkout.status) and the simulated processor's test cards.
import { z } from 'zod';

/**
 * Card numbers the built-in simulated processor understands; any other valid-looking number
 * is declined. Safe to show on the checkout page.
 */
export const TEST_CARDS = [
  { number: '4242424242424242', outcome: 'SUCCEEDS', description: 'Payment succeeds.' },
  { number: '4000000000000002', outcome: 'DECLINED', description: 'The card is declined.' },
  {
    number: '4000000000009995',
    outcome: 'SUCCEEDS_LATE',
    description:
      'Payment succeeds only after your hold has expired, so it is refunded automatically.',
  },
] as const;
export type TestCardOutcome = (typeof TEST_CARDS)[number]['outcome'];

export const ZPaymentMethod = z.object({
  /** Digits only after removing spaces and dashes; 12..19 digits. Never stored beyond last4. */
  cardNumber: z
    .string()
    .max(64, 'Enter a valid card number.')
    .transform((v) => v.replace(/[\s-]/g, ''))
    .pipe(z.string().regex(/^\d{12,19}$/, 'Enter a valid card number.')),
  expMonth: z.number().int().min(1, 'Invalid month.').max(12, 'Invalid month.'),
  expYear: z.number().int().min(2000, 'Invalid year.').max(2100, 'Invalid year.'),
  cvc: z.string().regex(/^\d{3,4}$/, 'Enter the 3 or 4 digit security code.'),
  name: z.string().trim().min(1, 'Enter the name on the card.').max(100),
});
export type PaymentMethod = z.input<typeof ZPaymentMethod>;

export const ZPayRequest = z.object({
  holdId: z.string().uuid('Unknown hold.'),
  paymentMethod: ZPaymentMethod,
  /** One per checkout attempt: a retry with the same key never charges twice. */
  idempotencyKey: z.string().uuid(),
});
export type PayRequest = z.input<typeof ZPayRequest>;

export const PAYMENT_STATUSES = ['PENDING', 'SUCCEEDED', 'DECLINED', 'REFUNDED', 'FAILED'] as const;
export const ZPaymentStatus = z.enum(PAYMENT_STATUSES);
export type PaymentStatus = z.infer<typeof ZPaymentStatus>;

export const ZPayResponse = z.object({
  paymentId: z.string().uuid(),
  status: ZPaymentStatus,
  /** Set once the order is confirmed (committed in Postgres, seats sold). */
  orderId: z.string().uuid().nullable(),
  /** What to tell the fan, e.g. why a succeeded payment was refunded. */
  userMessage: z.string(),
});
export type PayResponse = z.infer<typeof ZPayResponse>;

export const ZCheckoutStatusRequest = z.object({ paymentId: z.string().uuid('Unknown payment.') });
export const ZCheckoutStatusResponse = ZPayResponse.extend({
  holdId: z.string().uuid(),
  amountCents: z.number().int(),
  currency: z.string(),
});
export type CheckoutStatusResponse = z.infer<typeof ZCheckoutStatusResponse>;

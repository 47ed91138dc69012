// The idempotency scope of checkout.pay keys (shared by the pay flow and the recovery sweep).
export const PAY_SCOPE = 'checkout.pay';

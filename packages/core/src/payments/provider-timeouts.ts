// Calls to the card processor that may not outlast their timeout: a provider that hangs must not
// hold a request (or the recovery sweep) open for ever. Whatever the call was about stays PENDING;
// the provider is idempotent per payment id (and per refunded charge), so the fan's retry or the
// recovery sweep asks again.
import { AppErrorCode } from '@tessera/contracts/errors';
import { AppError } from '../errors/app-error.ts';
import type { ChargeRequest, ChargeResult, PaymentProvider } from './payment-provider.ts';

/** Well under the payment lease (60 s) and the hold extension (120 s) by default. */
export const DEFAULT_PROVIDER_TIMEOUT_MS = 15_000;

type ProviderOperation = 'charge' | 'findCharge' | 'refund';

const TRY_AGAIN =
  'The card processor is slow to answer. Your seats stay held and you will not be charged twice: try again in a moment.';
const USER_MESSAGES: Record<ProviderOperation, string> = {
  charge: TRY_AGAIN,
  findCharge: TRY_AGAIN,
  refund:
    'The card processor is slow to answer. Your refund will be completed automatically; check this payment again in a moment.',
};

/** The provider did not answer in time: nothing is known about the call's outcome. */
export class ProviderTimeoutError extends AppError {
  constructor(providerName: string, operation: ProviderOperation, timeoutMs: number) {
    super(AppErrorCode.SERVICE_UNAVAILABLE, {
      message: `Payment provider ${providerName} did not answer ${operation} within ${timeoutMs} ms`,
      userMessage: USER_MESSAGES[operation],
      retryAfterSeconds: 5,
    });
    this.name = 'ProviderTimeoutError';
  }
}

const withTimeout = async <T>(
  provider: PaymentProvider,
  operation: ProviderOperation,
  call: Promise<T>,
  timeoutMs = DEFAULT_PROVIDER_TIMEOUT_MS,
): Promise<T> => {
  let timer: NodeJS.Timeout | undefined;
  // A call that fails after we stopped waiting is not an unhandled rejection.
  call.catch(() => undefined);
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new ProviderTimeoutError(provider.name, operation, timeoutMs)),
      timeoutMs,
    );
  });
  try {
    return await Promise.race([call, timeout]);
  } finally {
    clearTimeout(timer);
  }
};

export const chargeWithTimeout = (
  provider: PaymentProvider,
  request: ChargeRequest,
  timeoutMs?: number,
): Promise<ChargeResult> => withTimeout(provider, 'charge', provider.charge(request), timeoutMs);

/** What the provider did under this payment id; null when it never saw it or cannot be asked. */
export const findChargeWithTimeout = async (
  provider: PaymentProvider,
  paymentId: string,
  timeoutMs?: number,
): Promise<ChargeResult | null> =>
  provider.findCharge
    ? withTimeout(provider, 'findCharge', provider.findCharge(paymentId), timeoutMs)
    : null;

export const refundWithTimeout = (
  provider: PaymentProvider,
  options: { providerRef: string; amountCents: number },
  timeoutMs?: number,
): Promise<void> => withTimeout(provider, 'refund', provider.refund(options), timeoutMs);

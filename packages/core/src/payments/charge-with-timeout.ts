// A card charge that may not outlast its timeout: a provider that hangs must not hold a request (and
// a Postgres connection's worth of work behind it) open for ever. The payment stays PENDING; the
// provider is idempotent per payment id, so the fan's retry or the recovery sweep finishes it.
import { AppErrorCode } from '@tessera/contracts/errors';
import { AppError } from '../errors/app-error.ts';
import type { ChargeRequest, ChargeResult, PaymentProvider } from './payment-provider.ts';

/** Well under the payment lease (60 s) and the hold extension (120 s) by default. */
export const DEFAULT_CHARGE_TIMEOUT_MS = 15_000;

export const chargeWithTimeout = async (
  provider: PaymentProvider,
  request: ChargeRequest,
  timeoutMs = DEFAULT_CHARGE_TIMEOUT_MS,
): Promise<ChargeResult> => {
  let timer: NodeJS.Timeout | undefined;
  const charge = provider.charge(request);
  // A charge that fails after we stopped waiting is not an unhandled rejection.
  charge.catch(() => undefined);
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new AppError(AppErrorCode.SERVICE_UNAVAILABLE, {
            message: `Payment provider ${provider.name} did not answer within ${timeoutMs} ms`,
            userMessage:
              'The card processor is slow to answer. Your seats stay held and you will not be charged twice: try again in a moment.',
            retryAfterSeconds: 5,
          }),
        ),
      timeoutMs,
    );
  });
  try {
    return await Promise.race([charge, timeout]);
  } finally {
    clearTimeout(timer);
  }
};

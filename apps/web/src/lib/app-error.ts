// Reads the server's AppError payload (error.data.appError) from whatever a tRPC call threw.
import type { AppErrorData } from '@tessera/contracts/errors';

const GENERIC_MESSAGE = 'Something went wrong. Please try again.';
const NETWORK_MESSAGE =
  'We could not reach Tessera. Check your connection and try again in a moment.';

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;

/** The AppError the API attached to a tRPC error, or null for network and unknown failures. */
export const readAppError = (error: unknown): AppErrorData | null => {
  if (!isRecord(error) || !isRecord(error.data)) return null;
  const appError = error.data.appError;
  if (!isRecord(appError) || typeof appError.code !== 'string') return null;
  return appError as unknown as AppErrorData;
};

/** fetch() itself failed (offline, DNS, refused), possibly wrapped by the tRPC client. */
const isNetworkFailure = (error: unknown) =>
  error instanceof TypeError || (isRecord(error) && error.cause instanceof TypeError);

/** A proxy or load balancer answered instead of the API (502/503/504, often not JSON). */
const isGatewayFailure = (error: unknown) => {
  const response = isRecord(error) && isRecord(error.meta) ? error.meta.response : undefined;
  return isRecord(response) && typeof response.status === 'number' && response.status >= 502;
};

const formatRetry = (seconds: number): string => {
  if (seconds < 60) return `${Math.max(1, Math.ceil(seconds))} seconds`;
  const minutes = Math.ceil(seconds / 60);
  return minutes === 1 ? '1 minute' : `${minutes} minutes`;
};

/** One sentence for the user, never a stack trace or a raw status code. */
export const describeError = (error: unknown): string => {
  const appError = readAppError(error);
  if (appError?.code === 'RATE_LIMITED' && appError.retryAfterSeconds !== undefined) {
    return `Too many attempts. Try again in ${formatRetry(appError.retryAfterSeconds)}.`;
  }
  if (appError?.userMessage) return appError.userMessage;
  if (isNetworkFailure(error) || isGatewayFailure(error)) return NETWORK_MESSAGE;
  return GENERIC_MESSAGE;
};

// The one error type domain code throws; the API maps `code` to a transport status in one table.
import type { AppErrorCode, AppErrorData } from '@tessera/contracts/errors';

export interface AppErrorOptions {
  /** Developer-facing detail for logs; defaults to `userMessage`. */
  message?: string;
  /** Safe to show to the person using the product. */
  userMessage: string;
  retryAfterSeconds?: number;
  fieldErrors?: Record<string, string>;
  seatIds?: number[];
  cause?: unknown;
}

export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly userMessage: string;
  readonly retryAfterSeconds?: number;
  readonly fieldErrors?: Record<string, string>;
  readonly conflictingSeatIds?: number[];

  constructor(code: AppErrorCode, options: AppErrorOptions) {
    super(options.message ?? options.userMessage, { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.userMessage = options.userMessage;
    this.retryAfterSeconds = options.retryAfterSeconds;
    this.fieldErrors = options.fieldErrors;
    this.conflictingSeatIds = options.seatIds;
  }

  /** The wire shape clients receive in `error.data.appError`. */
  toData(): AppErrorData {
    return {
      code: this.code,
      userMessage: this.userMessage,
      ...(this.retryAfterSeconds !== undefined && { retryAfterSeconds: this.retryAfterSeconds }),
      ...(this.fieldErrors && { fieldErrors: this.fieldErrors }),
      ...(this.conflictingSeatIds && { seatIds: this.conflictingSeatIds }),
    };
  }
}

export const isAppError = (error: unknown): error is AppError => error instanceof AppError;

// Error codes shared by every layer; the API maps each to a tRPC code in one table.
export const AppErrorCode = {
  VALIDATION: 'VALIDATION',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  EMAIL_TAKEN: 'EMAIL_TAKEN',
  INVALID_CREDENTIALS: 'INVALID_CREDENTIALS',
  WEAK_PASSWORD: 'WEAK_PASSWORD',
  RATE_LIMITED: 'RATE_LIMITED',
  CSRF_REJECTED: 'CSRF_REJECTED',
  SEAT_TAKEN: 'SEAT_TAKEN',
  HOLD_LIMIT_REACHED: 'HOLD_LIMIT_REACHED',
  HOLD_EXPIRED: 'HOLD_EXPIRED',
  ADMISSION_REQUIRED: 'ADMISSION_REQUIRED',
  SERVICE_UNAVAILABLE: 'SERVICE_UNAVAILABLE',
  INTERNAL: 'INTERNAL',
} as const;

export type AppErrorCode = (typeof AppErrorCode)[keyof typeof AppErrorCode];

/** Shape carried in tRPC error `data.appError` so clients can act on the code and show the message. */
export interface AppErrorData {
  code: AppErrorCode;
  userMessage: string;
  /** Seconds until a rate-limited call may be retried. */
  retryAfterSeconds?: number;
  /** Field-level messages for form validation, keyed by input path ("email", "password"). */
  fieldErrors?: Record<string, string>;
  /** Seats that caused a hold refusal (taken, stranded), so a client can update its selection. */
  seatIds?: number[];
}

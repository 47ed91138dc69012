// Recognises "Postgres or Redis is unreachable" failures so callers get a 503 they can retry,
// not a 500 that looks like a bug.
import { AppErrorCode } from '@tessera/contracts/errors';
import { AppError } from './app-error.ts';

const UNREACHABLE_DB_KINDS = new Set([
  'DatabaseNotReachable',
  'ConnectionClosed',
  'SocketTimeout',
  'TooManyConnections',
]);
// P2024: no pool connection in time; P2028: a transaction could not start in time (pool exhausted).
const UNREACHABLE_PRISMA_CODES = new Set(['P1001', 'P1002', 'P1017', 'P2024', 'P2028']);
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND', 'EPIPE']);
// Postgres SQLSTATEs while it stops or starts (admin_shutdown, crash_shutdown, cannot_connect_now),
// class 08 (connection exception), and a statement cut short by lock_timeout (55P03) or
// statement_timeout (57014): Prisma reports them as P2039/P2010 with the code in `cause`.
const UNAVAILABLE_SQLSTATE = /^(57P0[123]|08...|55P03|57014)$/;
// The pg driver's own words when a connection dies under a query (Postgres stopping mid-statement)
// or none comes in time: these errors carry no SQLSTATE or socket code, so the Prisma adapter
// passes them on as they are, possibly wrapped.
const CONNECTION_LOST =
  /Connection terminated|is not queryable|timeout exceeded when trying to connect/;

interface MaybeInfraError {
  name?: string;
  code?: string;
  message?: string;
  cause?: { message?: unknown };
  meta?: { driverAdapterError?: { cause?: { kind?: string; originalCode?: string } } };
}

const isUnreachable = (error: MaybeInfraError): boolean => {
  if (error.name === 'MaxRetriesPerRequestError') return true; // ioredis gave up while Redis is down
  if (error.message === 'Connection is closed.') return true; // ioredis after a disconnect
  for (const message of [error.message, error.cause?.message])
    if (typeof message === 'string' && CONNECTION_LOST.test(message)) return true;
  if (error.code && (UNREACHABLE_PRISMA_CODES.has(error.code) || NETWORK_CODES.has(error.code)))
    return true;
  const cause = error.meta?.driverAdapterError?.cause;
  if (cause?.originalCode && UNAVAILABLE_SQLSTATE.test(cause.originalCode)) return true;
  return cause?.kind !== undefined && UNREACHABLE_DB_KINDS.has(cause.kind);
};

/** An AppError SERVICE_UNAVAILABLE when `error` means a backing service is down, else null. */
export const asServiceUnavailable = (error: unknown): AppError | null => {
  if (typeof error !== 'object' || error === null || !isUnreachable(error as MaybeInfraError))
    return null;
  return new AppError(AppErrorCode.SERVICE_UNAVAILABLE, {
    message: 'A backing service (Postgres or Redis) is unreachable',
    userMessage: 'Tessera is temporarily unavailable. Please try again in a moment.',
    retryAfterSeconds: 5,
    cause: error,
  });
};

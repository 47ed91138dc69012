// Which failures become a retryable 503 rather than a 500.
import { describe, expect, it } from 'vitest';
import { AppErrorCode } from '@tessera/contracts/errors';
import { asServiceUnavailable } from './infrastructure-error.ts';

const prismaError = (code: string) =>
  Object.assign(new Error(`prisma ${code}`), { name: 'PrismaClientKnownRequestError', code });

describe('asServiceUnavailable', () => {
  it.each([
    ['P1001', 'database unreachable'],
    ['P2024', 'no pool connection in time'],
    ['P2028', 'transaction could not start in time'],
  ])('makes Prisma %s (%s) a 503 with Retry-After', (code) => {
    const error = asServiceUnavailable(prismaError(code));
    expect(error?.code).toBe(AppErrorCode.SERVICE_UNAVAILABLE);
    expect(error?.retryAfterSeconds).toBeGreaterThan(0);
  });

  it.each([
    ['57P01', 'terminated by an administrator (Postgres stopping)'],
    ['57P03', 'cannot connect now (Postgres starting)'],
    ['08006', 'connection failure'],
    ['55P03', 'lock_timeout: a lock held elsewhere for too long'],
    ['57014', 'statement_timeout'],
  ])('makes Postgres %s (%s) under Prisma P2039 a 503', (sqlState) => {
    const error = Object.assign(prismaError('P2039'), {
      meta: { driverAdapterError: { cause: { kind: 'postgres', originalCode: sqlState } } },
    });
    expect(asServiceUnavailable(error)?.code).toBe(AppErrorCode.SERVICE_UNAVAILABLE);
  });

  it.each([
    ['Connection terminated unexpectedly', 'Postgres stopped under a running query'],
    [
      'Client has encountered a connection error and is not queryable',
      'a pooled client that lost it',
    ],
    ['timeout exceeded when trying to connect', 'no connection in time'],
  ])('makes the pg driver\'s "%s" (%s) a 503, raw or wrapped by Prisma', (message) => {
    expect(asServiceUnavailable(new Error(message))?.code).toBe(AppErrorCode.SERVICE_UNAVAILABLE);
    const wrapped = Object.assign(new Error('Invalid prisma.payment.create() invocation'), {
      name: 'PrismaClientUnknownRequestError',
      cause: new Error(message),
    });
    expect(asServiceUnavailable(wrapped)?.code).toBe(AppErrorCode.SERVICE_UNAVAILABLE);
  });

  it('leaves a Postgres refusal under P2039 (e.g. 22P02 invalid input) a 500', () => {
    const error = Object.assign(prismaError('P2039'), {
      meta: { driverAdapterError: { cause: { kind: 'postgres', originalCode: '22P02' } } },
    });
    expect(asServiceUnavailable(error)).toBeNull();
  });

  it('leaves errors that are bugs or refusals alone', () => {
    expect(asServiceUnavailable(prismaError('P2002'))).toBeNull();
    expect(asServiceUnavailable(new TypeError('x is undefined'))).toBeNull();
    expect(asServiceUnavailable('not an error')).toBeNull();
  });
});

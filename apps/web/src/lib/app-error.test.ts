import { describe, expect, it } from 'vitest';
import { describeError, readAppError } from './app-error.ts';

const withAppError = (appError: object) => ({ message: 'x', data: { appError } });

describe('describeError', () => {
  it('uses the server message for the user', () => {
    const error = withAppError({
      code: 'INVALID_CREDENTIALS',
      userMessage: 'Wrong email or password.',
    });
    expect(describeError(error)).toBe('Wrong email or password.');
  });

  it('says when a rate-limited user may try again, rounded up to minutes', () => {
    const error = withAppError({
      code: 'RATE_LIMITED',
      userMessage: 'Slow down.',
      retryAfterSeconds: 61,
    });
    expect(describeError(error)).toBe('Too many attempts. Try again in 2 minutes.');
  });

  it('explains network failures without internals', () => {
    expect(describeError(new TypeError('Failed to fetch'))).toMatch(/could not reach Tessera/);
    const wrapped = Object.assign(new Error('x'), { cause: new TypeError('Failed to fetch') });
    expect(describeError(wrapped)).toMatch(/could not reach Tessera/);
    expect(describeError({ message: 'x', meta: { response: { status: 502 } } })).toMatch(
      /could not reach Tessera/,
    );
  });
});

describe('readAppError', () => {
  it('returns null when the error carries no AppError', () => {
    expect(readAppError(new Error('boom'))).toBeNull();
    expect(readAppError({ data: { appError: 'nope' } })).toBeNull();
  });

  it('returns field errors for forms', () => {
    const error = withAppError({
      code: 'VALIDATION',
      userMessage: 'Check the form.',
      fieldErrors: { email: 'Bad.' },
    });
    expect(readAppError(error)?.fieldErrors).toEqual({ email: 'Bad.' });
  });
});

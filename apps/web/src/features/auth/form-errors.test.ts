import { describe, expect, it } from 'vitest';
import { fromIssues, fromServerError } from './form-errors.ts';

describe('fromIssues', () => {
  it('keeps the first message of each field', () => {
    const errors = fromIssues([
      { path: ['password'], message: 'Too short.' },
      { path: ['password'], message: 'Needs a digit.' },
      { path: ['email'], message: 'Invalid.' },
    ]);
    expect(errors).toEqual({ fields: { password: 'Too short.', email: 'Invalid.' }, form: null });
  });
});

describe('fromServerError', () => {
  it('puts field errors beside fields', () => {
    const error = {
      data: {
        appError: { code: 'EMAIL_TAKEN', userMessage: 'Taken.', fieldErrors: { email: 'Taken.' } },
      },
    };
    expect(fromServerError(error)).toEqual({ fields: { email: 'Taken.' }, form: null });
  });

  it('puts other errors at the top of the form', () => {
    const error = {
      data: { appError: { code: 'INVALID_CREDENTIALS', userMessage: 'Wrong email or password.' } },
    };
    expect(fromServerError(error)).toEqual({ fields: {}, form: 'Wrong email or password.' });
  });
});

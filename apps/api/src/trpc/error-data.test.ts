import { TRPCError } from '@trpc/server';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AppError } from '@tessera/core/errors/app-error';
import { toAppErrorData } from './error-data.ts';

describe('toAppErrorData', () => {
  it('passes an AppError through as the client sees it', () => {
    const cause = new AppError('RATE_LIMITED', {
      userMessage: 'Slow down.',
      retryAfterSeconds: 30,
      message: 'internal detail',
    });
    expect(toAppErrorData(new TRPCError({ code: 'TOO_MANY_REQUESTS', cause }))).toEqual({
      code: 'RATE_LIMITED',
      userMessage: 'Slow down.',
      retryAfterSeconds: 30,
    });
  });

  it('turns input validation issues into one message per field', () => {
    const result = z
      .object({
        email: z.string().email('Bad email.'),
        tiers: z.array(z.object({ price: z.number().min(0, 'Too low.') })),
      })
      .safeParse({ email: 'x', tiers: [{ price: -1 }] });
    const data = toAppErrorData(new TRPCError({ code: 'BAD_REQUEST', cause: result.error }));
    expect(data).toEqual({
      code: 'VALIDATION',
      userMessage: 'Bad email.',
      fieldErrors: { email: 'Bad email.', 'tiers.0.price': 'Too low.' },
    });
  });

  it('never repeats the message of an unexpected error', () => {
    const data = toAppErrorData(
      new TRPCError({
        code: 'INTERNAL_SERVER_ERROR',
        cause: new Error('connection string postgres://secret'),
      }),
    );
    expect(data.code).toBe('INTERNAL');
    expect(data.userMessage).not.toContain('secret');
  });
});

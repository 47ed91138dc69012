import { describe, expect, it } from 'vitest';
import { describeConnectionError } from './connection-error.ts';

const URL = 'postgresql://postgres@db.example:6543/tessera';
const withCode = (code: string, message = 'boom') => Object.assign(new Error(message), { code });

describe('describeConnectionError', () => {
  it('names the address and how to start Postgres when it cannot be reached (pg or Prisma)', () => {
    for (const error of [withCode('ECONNREFUSED'), withCode('P1001')]) {
      const sentence = describeConnectionError(error, URL);
      expect(sentence).toContain('Cannot reach PostgreSQL at db.example:6543');
      expect(sentence).toContain('pg_ctlcluster');
    }
  });

  it('tells to run the migrations for a missing database or missing tables', () => {
    expect(describeConnectionError(withCode('3D000'), URL)).toContain('does not exist');
    expect(describeConnectionError(withCode('P1003'), URL)).toContain('does not exist');
    expect(describeConnectionError(withCode('P2021'), URL)).toContain('pnpm db:migrate');
  });

  it('reports refused credentials', () => {
    expect(describeConnectionError(withCode('28P01'), URL)).toContain('refused the credentials');
    expect(describeConnectionError(withCode('P1000'), URL)).toContain('refused the credentials');
  });

  it('keeps only the cause line of a multi-line Prisma message', () => {
    const error = withCode(
      'P2002',
      '\nInvalid `prisma.user.create()` invocation:\n\n  → 12 x\nUnique constraint failed',
    );
    expect(describeConnectionError(error, URL)).toBe('PostgreSQL error: Unique constraint failed');
  });
});

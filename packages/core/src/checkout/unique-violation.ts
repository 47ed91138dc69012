// Recognises Postgres unique violations as Prisma (with the pg driver adapter) reports them.
export const isUniqueViolation = (error: unknown): boolean =>
  (error as { code?: unknown } | null)?.code === 'P2002';

/** Which constraint fired, as far as Prisma tells (column names or the constraint name). */
export const violatedTarget = (error: unknown): string =>
  JSON.stringify((error as { meta?: unknown } | null)?.meta ?? {});

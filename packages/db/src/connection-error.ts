// Turns a Postgres connection failure into one sentence a developer can act on.
export const describeConnectionError = (error: unknown, databaseUrl: string): string => {
  const code = (error as { code?: string }).code;
  const where = (() => {
    try {
      const u = new URL(databaseUrl);
      return `${u.hostname}:${u.port || 5432}`;
    } catch {
      return 'the configured address';
    }
  })();
  if (code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'ETIMEDOUT') {
    return `Cannot reach PostgreSQL at ${where} (DATABASE_URL): start it, e.g. "pg_ctlcluster 15 main start" or "docker compose up -d postgres".`;
  }
  if (code === '3D000')
    return `The database in DATABASE_URL does not exist: run "pnpm db:migrate" to create it.`;
  if (code === '28P01' || code === '28000')
    return `PostgreSQL at ${where} refused the credentials in DATABASE_URL.`;
  return `PostgreSQL error: ${(error as Error).message ?? String(error)}`;
};

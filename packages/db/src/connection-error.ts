// Turns a Postgres connection failure into one sentence a developer can act on. Understands both
// node-postgres errors (Postgres SQLSTATE or Node socket codes) and Prisma Client errors (P-codes).

// Prisma Client error codes that mean the same as a node-postgres code.
const PRISMA_TO_PG: Record<string, string> = {
  P1001: 'ECONNREFUSED', // can't reach database server
  P1002: 'ETIMEDOUT', // server reached but timed out
  P1003: '3D000', // database does not exist
  P1000: '28P01', // authentication failed
  P1010: '28000', // access denied
  P2021: '42P01', // table does not exist
};

const codeOf = (error: unknown): string | undefined => {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return undefined;
  return PRISMA_TO_PG[code] ?? code;
};

const addressOf = (databaseUrl: string) => {
  try {
    const u = new URL(databaseUrl);
    return `${u.hostname}:${u.port || 5432}`;
  } catch {
    return 'the configured address';
  }
};

/** Prisma's messages quote the calling code over several lines; the cause is on the last one. */
const lastLine = (message: string) =>
  message
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .at(-1) ?? message;

export const describeConnectionError = (error: unknown, databaseUrl: string): string => {
  const code = codeOf(error);
  const where = addressOf(databaseUrl);
  if (code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'ETIMEDOUT') {
    return `Cannot reach PostgreSQL at ${where} (DATABASE_URL): start it, e.g. "pg_ctlcluster 15 main start" or "docker compose up -d postgres".`;
  }
  if (code === '3D000')
    return `The database in DATABASE_URL does not exist: run "pnpm db:migrate" to create it.`;
  if (code === '28P01' || code === '28000')
    return `PostgreSQL at ${where} refused the credentials in DATABASE_URL.`;
  if (code === '42P01')
    return `The database in DATABASE_URL has no Tessera tables yet: run "pnpm db:migrate" first.`;
  const message = error instanceof Error ? error.message : String(error);
  return `PostgreSQL error: ${lastLine(message)}`;
};

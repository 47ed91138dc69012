// Creates Prisma clients over node-postgres (driver adapter: no native query engine involved).
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from './generated/prisma/client.ts';

export type { PrismaClient };
export * as Db from './generated/prisma/client.ts';

export interface CreatePrismaClientOptions {
  databaseUrl: string;
  /** Connection pool size per process. */
  poolSize?: number;
  /** Postgres lock_timeout for every connection (ms): a lock wait longer than this fails (55P03). */
  lockTimeoutMs?: number;
  /** Postgres statement_timeout for every connection (ms): longer statements fail (57014). */
  statementTimeoutMs?: number;
}

export const createPrismaClient = ({
  databaseUrl,
  poolSize = 10,
  lockTimeoutMs,
  statementTimeoutMs,
}: CreatePrismaClientOptions) =>
  new PrismaClient({
    adapter: new PrismaPg({
      connectionString: databaseUrl,
      max: poolSize,
      ...(lockTimeoutMs !== undefined && { lock_timeout: lockTimeoutMs }),
      ...(statementTimeoutMs !== undefined && { statement_timeout: statementTimeoutMs }),
    }),
  });

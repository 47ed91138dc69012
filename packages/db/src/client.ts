// Creates Prisma clients over node-postgres (driver adapter: no native query engine involved).
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from './generated/prisma/client.ts';

export type { PrismaClient };
export * as Db from './generated/prisma/client.ts';

export interface CreatePrismaClientOptions {
  databaseUrl: string;
  /** Connection pool size per process. */
  poolSize?: number;
}

export const createPrismaClient = ({ databaseUrl, poolSize = 10 }: CreatePrismaClientOptions) =>
  new PrismaClient({
    adapter: new PrismaPg({ connectionString: databaseUrl, max: poolSize }),
  });

// Shared by the load setup/teardown commands: where the fixture lives and how to open the stores.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRedisClient } from '@tessera/core/infra/redis-client';
import { createPrismaClient } from '@tessera/db/client';
import { readApiConfig } from '../env.ts';

/** k6/fixture/load.json in the repository: where the k6 scripts look by default. */
export const DEFAULT_FIXTURE_PATH = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../../k6/fixture/load.json',
);

/** Plain stdout (lint reserves the console for warnings and errors). */
export const print = (line = '') => process.stdout.write(`${line}\n`);

export const openStores = () => {
  const config = readApiConfig();
  return {
    prefix: config.redisPrefix,
    prisma: createPrismaClient({ databaseUrl: config.databaseUrl, poolSize: 4 }),
    redis: createRedisClient({ redisUrl: config.redisUrl }),
  };
};

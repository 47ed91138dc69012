// What the account functions need from the outside world, passed in so tests use real instances.
import type { Redis } from 'ioredis';
import type { PrismaClient } from '@tessera/db/client';

export interface SessionDeps {
  prisma: PrismaClient;
  redis: Redis;
  /** Namespace for every Redis key this process writes (e.g. "tessera:"). */
  redisPrefix: string;
}

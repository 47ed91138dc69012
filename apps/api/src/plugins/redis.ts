// Decorates the app with the ioredis client it was given (the caller owns quit/disconnect).
import fp from 'fastify-plugin';
import type { Redis } from 'ioredis';

declare module 'fastify' {
  interface FastifyInstance {
    redis: Redis;
  }
}

export const redisPlugin = fp<{ redis: Redis }>(
  async (app, { redis }) => {
    app.decorate('redis', redis);
  },
  { name: 'redis' },
);

// Decorates the app with the Prisma client it was given (the caller owns connect/disconnect).
import fp from 'fastify-plugin';
import type { PrismaClient } from '@tessera/db/client';

declare module 'fastify' {
  interface FastifyInstance {
    prisma: PrismaClient;
  }
}

export const prismaPlugin = fp<{ prisma: PrismaClient }>(
  async (app, { prisma }) => {
    app.decorate('prisma', prisma);
  },
  { name: 'prisma' },
);

// Liveness (/healthz: the process answers) and readiness (/readyz: Postgres and Redis answer).
import fp from 'fastify-plugin';

const CHECK_TIMEOUT_MS = 2_000;

const withTimeout = <T>(work: Promise<T>) =>
  Promise.race([
    work,
    new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error('timed out')), CHECK_TIMEOUT_MS).unref(),
    ),
  ]);

const probe = async (check: () => Promise<unknown>) => {
  try {
    await withTimeout(check());
    return 'ok' as const;
  } catch {
    return 'unavailable' as const;
  }
};

export const healthPlugin = fp(
  async (app) => {
    app.get('/healthz', async () => ({ status: 'ok' }));
    app.get('/readyz', async (_request, reply) => {
      const [postgres, redis] = await Promise.all([
        probe(() => app.prisma.$queryRaw`SELECT 1`),
        probe(() => app.redis.ping()),
      ]);
      const ready = postgres === 'ok' && redis === 'ok';
      return reply
        .code(ready ? 200 : 503)
        .send({ status: ready ? 'ok' : 'unavailable', checks: { postgres, redis } });
    });
  },
  { name: 'health', dependencies: ['prisma', 'redis'] },
);

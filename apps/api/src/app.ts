// Builds the Fastify app (never listens): plugins, health routes, tRPC at /trpc, the web app.
import fastifyCookie from '@fastify/cookie';
import { fastifyTRPCPlugin, type FastifyTRPCPluginOptions } from '@trpc/server/adapters/fastify';
import Fastify, { type FastifyServerOptions } from 'fastify';
import type { Redis } from 'ioredis';
import type { PrismaClient } from '@tessera/db/client';
import type { PaymentProvider } from '@tessera/core/payments/payment-provider';
import { createCatalogCache } from '@tessera/core/cache/catalog-cache';
import { configureStreamMaxLen } from '@tessera/core/holds/hold-options';
import type { ApiConfig } from './env.ts';
import { catalogHttpPlugin } from './plugins/catalog-http.ts';
import { adminSessionCheck } from './plugins/catalog-http-admin.ts';
import { healthPlugin } from './plugins/health.ts';
import { loggerOptions } from './plugins/logger-options.ts';
import { metricsPlugin } from './plugins/metrics.ts';
import { prismaPlugin } from './plugins/prisma.ts';
import { redisPlugin } from './plugins/redis.ts';
import { replicaIdPlugin } from './plugins/replica-id.ts';
import { trpcFastPathPlugin } from './plugins/trpc-fast-path.ts';
import { generateRequestId, requestIdPlugin } from './plugins/request-id.ts';
import { securityHeadersPlugin } from './plugins/security-headers.ts';
import { webStaticPlugin } from './plugins/web-static.ts';
import { createApiDeps, createContextFactory } from './trpc/context.ts';
import { appRouter, type AppRouter } from './trpc/router.ts';
import { seatsSseFastPath } from './trpc/routers/seats/seats-sse-fast-path.ts';

export const MAX_BATCH_SIZE = 20;

export interface BuildAppOptions {
  prisma: PrismaClient;
  redis: Redis;
  config: ApiConfig;
  /** Overrides the pino options derived from config (tests pass `false`). */
  logger?: FastifyServerOptions['logger'];
  /** Defaults to the simulated card processor. */
  paymentProvider?: PaymentProvider;
  /** Serve single hot mutations without the adapter (default true; contract tests compare both). */
  trpcFastPath?: boolean;
}

export const buildApp = async ({
  prisma,
  redis,
  config,
  logger,
  paymentProvider,
  trpcFastPath = true,
}: BuildAppOptions) => {
  const app = Fastify({
    logger: logger ?? loggerOptions(config),
    genReqId: generateRequestId,
    trustProxy: config.trustProxy,
    // tRPC batches put procedure names in the path; bodies beyond 1 MiB are never legitimate here.
    routerOptions: { maxParamLength: 5_000 },
    bodyLimit: 1024 * 1024,
  });

  // Every event stream this process appends to keeps SEAT_STREAM_MAX_LEN changes (resume window).
  configureStreamMaxLen(config.seatStream.streamMaxLen);
  // The catalog cache has its own Redis connection (CACHE_REDIS_URL): its outage only costs misses.
  const catalogCache = createCatalogCache({
    ...config.catalogCache,
    prefix: config.redisPrefix,
    log: app.log,
  });
  await catalogCache.connect();
  app.addHook('onClose', () => catalogCache.close());
  const deps = createApiDeps({ prisma, redis, config, paymentProvider, catalogCache });

  // First: its headers, CORS and error handler apply to every route registered after it.
  await app.register(securityHeadersPlugin, {
    publicOrigin: config.publicOrigin,
    corsOrigins: config.corsOrigins,
  });
  await app.register(requestIdPlugin);
  await app.register(replicaIdPlugin, { replicaId: config.replicaId });
  await app.register(prismaPlugin, { prisma });
  await app.register(redisPlugin, { redis });
  await app.register(fastifyCookie);
  await app.register(healthPlugin);
  await app.register(metricsPlugin, { prefix: config.redisPrefix });
  await app.register(catalogHttpPlugin, {
    prisma,
    cache: catalogCache,
    viewerIsAdmin: adminSessionCheck(createContextFactory(deps)),
  });
  const trpcOptions = {
    router: appRouter,
    createContext: createContextFactory(deps),
    // One request must not fan out into unbounded work; the web client batches at most this many.
    maxBatchSize: MAX_BATCH_SIZE,
    onError({ error, path, req }) {
      if (error.code === 'INTERNAL_SERVER_ERROR')
        req.log.error({ err: error.cause ?? error, path }, 'procedure failed');
      if (error.code === 'SERVICE_UNAVAILABLE')
        req.log.warn({ err: error.cause ?? error, path }, 'dependency unavailable');
    },
  } satisfies FastifyTRPCPluginOptions<AppRouter>['trpcOptions'];
  // holds.create and waitingRoom.join are the hot paths: single calls skip the adapter's Fetch
  // conversion (same wire format).
  if (trpcFastPath)
    await app.register(trpcFastPathPlugin, {
      prefix: '/trpc',
      mutations: ['holds.create', 'waitingRoom.join'],
      trpcOptions,
    });
  // seats.onChange fan-out: single SSE GETs write each delta's shared frame straight to the socket.
  if (trpcFastPath) await app.register(seatsSseFastPath, { prefix: '/trpc', trpcOptions });
  await app.register(fastifyTRPCPlugin, {
    prefix: '/trpc',
    trpcOptions,
  } satisfies FastifyTRPCPluginOptions<AppRouter>);
  await app.register(webStaticPlugin, { webDistDir: config.webDistDir });
  return app;
};

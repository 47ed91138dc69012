# syntax=docker/dockerfile:1.7
# Tessera's images, one Dockerfile with a target per role (docker-compose.yml builds each):
#   api      Fastify + tRPC, also serving the built web app      (HEALTHCHECK GET /healthz :3000)
#   worker   BullMQ processors, /metrics and /healthz on :9464    (HEALTHCHECK GET /healthz)
#   migrate  one-shot: apply SQL migrations, load the demo data
# Stages: turbo prune (a workspace holding only what the apps need) -> pnpm fetch from the pruned
# lockfile -> offline frozen install -> prisma generate + web build -> slim non-root runtimes.
# The apps run TypeScript through tsx (as `pnpm start` does), so the runtime keeps dev
# dependencies. Built and run only in CI (.github/workflows/ci.yml): our dev boxes have no engine.

ARG NODE_IMAGE=node:20-bookworm-slim

FROM ${NODE_IMAGE} AS pnpm-base
ENV PNPM_HOME=/pnpm PATH=/pnpm:$PATH CI=true
RUN npm install -g pnpm@10.34.8 turbo@2.11.11

# 1. A pruned copy of the monorepo: out/json (package manifests + pruned lockfile) and out/full.
FROM pnpm-base AS pruner
WORKDIR /src
COPY . .
RUN turbo prune @tessera/api @tessera/worker @tessera/web @tessera/db --docker

# 2. Dependencies: fetch from the lockfile alone (cached while it does not change), then install
#    offline. Scripts are skipped here: postinstall needs the Prisma schema, copied in stage 3.
FROM pnpm-base AS deps
WORKDIR /app
COPY --from=pruner /src/out/pnpm-lock.yaml /src/out/pnpm-workspace.yaml ./
RUN --mount=type=cache,id=pnpm-store,target=/pnpm/store pnpm fetch --frozen-lockfile
COPY --from=pruner /src/out/json/ ./
RUN --mount=type=cache,id=pnpm-store,target=/pnpm/store \
    pnpm install --frozen-lockfile --offline --ignore-scripts

# 3. Sources, the generated Prisma client and the built web app.
FROM deps AS build
COPY --from=pruner /src/out/full/ ./
RUN pnpm --filter @tessera/db generate && pnpm --filter @tessera/web build

# 4. Runtime base: the built workspace owned by the unprivileged `node` user (uid 1000).
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build --chown=node:node /app /app
USER node

FROM runtime AS api
WORKDIR /app/apps/api
ENV PORT=3000 HOST=0.0.0.0
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=5 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# node is PID 1 (no pnpm or tsx CLI wrapper): SIGTERM reaches the graceful shutdown directly.
CMD ["node", "--import", "tsx", "src/server.ts"]

FROM runtime AS worker
WORKDIR /app/apps/worker
ENV WORKER_METRICS_PORT=9464
EXPOSE 9464
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=5 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.WORKER_METRICS_PORT||9464)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["node", "--import", "tsx", "src/main.ts"]

FROM runtime AS migrate
WORKDIR /app/packages/db
HEALTHCHECK NONE
CMD ["sh", "-c", "node --import tsx src/migrate-cli.ts && node --import tsx src/seed/seed-cli.ts"]

// Before the journey: Chromium present, tessera_e2e migrated and seeded, web built, API running.
import { mkdirSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { startApi } from './api-server.ts';
import { assertChromiumInstalled } from './browser.ts';
import { buildWebIfStale } from './build-web.ts';
import { E2E_DATABASE_URL, E2E_REDIS_URL, RESULTS_DIR } from './e2e-env.ts';
import { prepareDatabase } from './prepare-database.ts';

export default async function setup(project: TestProject) {
  assertChromiumInstalled();
  mkdirSync(RESULTS_DIR, { recursive: true });
  await Promise.all([prepareDatabase(E2E_DATABASE_URL), buildWebIfStale()]);
  const api = await startApi({ databaseUrl: E2E_DATABASE_URL, redisUrl: E2E_REDIS_URL });
  project.provide('baseUrl', api.baseUrl);
  project.provide('databaseUrl', E2E_DATABASE_URL);
  project.provide('redisPrefix', api.redisPrefix);
  return api.stop;
}

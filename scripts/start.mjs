// `pnpm start`: the whole product on one URL with demo data — installs if needed, checks Postgres
// and Redis, migrates, seeds, builds the web app, then runs the API (serving the web app) and worker.
import { spawn } from 'node:child_process';
import { demoEnv } from './demo-env.mjs';
import { ROOT, ensureInstalled, ensureServices, run, step } from './lib.mjs';

const PORT = process.env.PORT ?? '3000';

ensureInstalled();
await ensureServices();
step('Migrating the database');
run('pnpm', ['db:migrate']);
step('Loading demo data');
run('pnpm', ['db:seed']);
step('Building the web app');
run('pnpm', ['--filter', '@tessera/web', 'build']);

// tsx is spawned directly (not through pnpm, which does not pass signals on) so Ctrl+C and
// SIGTERM reach the API and the worker and they shut down gracefully.
const children = [
  ['api', 'apps/api', 'src/server.ts'],
  ['worker', 'apps/worker', 'src/main.ts'],
].map(([name, dir, entry]) => {
  const child = spawn(`${ROOT}/node_modules/.bin/tsx`, [entry], {
    cwd: `${ROOT}/${dir}`,
    stdio: 'inherit',
    env: { ...demoEnv(PORT), ...process.env },
  });
  child.on('exit', (code, signal) => {
    if (stopping) return;
    console.error(`✗ ${name} stopped (${signal ?? `exit ${code}`}); shutting Tessera down.`);
    stop(code ?? 1);
  });
  return child;
});

let stopping = false;
const stop = (code = 0) => {
  stopping = true;
  for (const child of children) child.kill('SIGTERM');
  setTimeout(() => process.exit(code), 5_000).unref();
  Promise.all(
    children.map((c) => new Promise((r) => (c.exitCode !== null ? r() : c.once('exit', r)))),
  ).then(() => process.exit(code));
};
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

console.log(`
  Tessera is starting on http://localhost:${PORT}
  Admin: admin@tessera.dev / Admin-pass-2026    Fan: fan@tessera.dev / Fan-pass-2026
  Press Ctrl+C to stop.
`);

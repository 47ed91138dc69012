// Builds apps/web/dist with Vite unless it is newer than every source file it is built from.
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { DIST_DIR, REPO_DIR, WEB_DIR } from './e2e-env.ts';
import { runCommand } from './run-command.ts';

const SOURCES = [
  path.join(WEB_DIR, 'src'),
  path.join(WEB_DIR, 'public'),
  path.join(WEB_DIR, 'index.html'),
  path.join(WEB_DIR, 'vite.config.ts'),
  path.join(WEB_DIR, 'package.json'),
  path.join(REPO_DIR, 'packages/contracts/src'),
];

const newestMtime = (target: string): number => {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(
    stat.mtimeMs,
    ...readdirSync(target).map((name) => newestMtime(path.join(target, name))),
  );
};

export const isDistStale = () => {
  const builtIndex = path.join(DIST_DIR, 'index.html');
  if (!existsSync(builtIndex)) return true;
  return Math.max(...SOURCES.map(newestMtime)) > statSync(builtIndex).mtimeMs;
};

export const buildWebIfStale = async () => {
  if (!isDistStale()) return;
  // Vitest sets NODE_ENV=test, which would make Vite bundle React's development build.
  await runCommand({
    command: path.join(WEB_DIR, 'node_modules/.bin/vite'),
    args: ['build'],
    cwd: WEB_DIR,
    env: { NODE_ENV: 'production' },
  });
};

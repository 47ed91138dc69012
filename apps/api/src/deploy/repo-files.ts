// Test helper for the deployment files: paths in the repository and their parsed contents.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');

export const repoPath = (relative: string) => path.join(REPO_ROOT, relative);

export const readRepoFile = (relative: string) => readFileSync(repoPath(relative), 'utf8');

/** YAML with `<<` merge keys resolved, as docker compose reads it. */
export const readRepoYaml = <T>(relative: string): T =>
  parse(readRepoFile(relative), { merge: true }) as T;

/** The pnpm version pinned in the root package.json's packageManager. */
export const pinnedPnpmVersion = () => {
  const manager = (JSON.parse(readRepoFile('package.json')) as { packageManager: string })
    .packageManager;
  return manager.replace(/^pnpm@/, '');
};

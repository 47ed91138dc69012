// infra/docker/app.Dockerfile cannot be built on our machines (no Docker engine; CI builds it), so
// its facts are checked here: each target compose uses exists, runs as a non-root user, has the
// right HEALTHCHECK, copies only what exists, and pins the pnpm and turbo the repository uses.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { pinnedPnpmVersion, readRepoFile, readRepoYaml, repoPath } from './repo-files.ts';

interface Stage {
  name: string;
  from: string;
  instructions: Array<{ op: string; args: string }>;
}

/** Stages with their instructions (line continuations joined, comments dropped). */
const parseDockerfile = (text: string) => {
  const stages: Stage[] = [];
  const preamble: Array<{ op: string; args: string }> = [];
  const logical = text
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
  for (const line of logical) {
    const [, op = '', args = ''] = /^(\w+)\s*(.*)$/.exec(line) ?? [];
    if (op.toUpperCase() === 'FROM') {
      const [, from = '', name = ''] = /^(\S+)(?:\s+AS\s+(\S+))?/i.exec(args) ?? [];
      stages.push({ name, from, instructions: [] });
    } else (stages.at(-1)?.instructions ?? preamble).push({ op: op.toUpperCase(), args });
  }
  return { stages, preamble };
};

const dockerfile = readRepoFile('infra/docker/app.Dockerfile');
const { stages, preamble } = parseDockerfile(dockerfile);
const stage = (name: string) => stages.find((s) => s.name === name);

/** The last value of an instruction along a stage's FROM chain (USER, HEALTHCHECK, ...). */
const effective = (name: string, op: string): string | undefined => {
  const current = stage(name);
  if (!current) return undefined;
  const own = current.instructions.filter((i) => i.op === op).at(-1);
  return own ? own.args : effective(current.from, op);
};

const composeTargets = () => {
  const { services } = readRepoYaml<{ services: Record<string, { build?: { target?: string } }> }>(
    'docker-compose.yml',
  );
  return [...new Set(Object.values(services).flatMap((s) => s.build?.target ?? []))].sort();
};

describe('infra/docker/app.Dockerfile', () => {
  it('has every target docker compose builds', () => {
    expect(composeTargets()).toEqual(['api', 'migrate', 'worker']);
    for (const target of composeTargets()) expect(stage(target), target).toBeDefined();
  });

  it('runs every target as a non-root user', () => {
    for (const target of composeTargets()) {
      const user = effective(target, 'USER');
      expect(user, target).toBeDefined();
      expect(['root', '0', '0:0']).not.toContain(user);
    }
  });

  it('health-checks the API and the worker on their ports; the one-shot migrate has none', () => {
    expect(effective('api', 'HEALTHCHECK')).toContain('/healthz');
    expect(effective('api', 'HEALTHCHECK')).toContain('3000');
    expect(effective('worker', 'HEALTHCHECK')).toContain('/healthz');
    expect(effective('worker', 'HEALTHCHECK')).toContain('WORKER_METRICS_PORT||9464');
    expect(effective('migrate', 'HEALTHCHECK')).toBe('NONE');
  });

  it('copies from existing files or earlier stages only', () => {
    const names = new Set<string>();
    for (const current of stages) {
      for (const { op, args } of current.instructions.filter((i) => i.op === 'COPY')) {
        const words = args.split(/\s+/);
        const from = words.find((w) => w.startsWith('--from='))?.slice('--from='.length);
        const sources = words.filter((w) => !w.startsWith('--')).slice(0, -1);
        expect(sources.length, `${op} ${args}`).toBeGreaterThan(0);
        if (from) expect(names.has(from), `stage ${from} before ${current.name}`).toBe(true);
        else for (const source of sources) expect(existsSync(repoPath(source)), source).toBe(true);
      }
      names.add(current.name);
    }
  });

  it('prunes the workspace with turbo and installs frozen and offline from the pruned lockfile', () => {
    expect(dockerfile).toMatch(/turbo prune [^\n]*@tessera\/api[^\n]*--docker/);
    expect(dockerfile).toContain('pnpm fetch --frozen-lockfile');
    expect(dockerfile).toMatch(/pnpm install --frozen-lockfile --offline/);
    const ignore = readRepoFile('.dockerignore').split('\n');
    expect(ignore).toEqual(expect.arrayContaining(['**/node_modules', '.git']));
  });

  it('pins the pnpm of packageManager and the turbo the repository installs', () => {
    const install = [...preamble, ...stages.flatMap((s) => s.instructions)]
      .filter((i) => i.op === 'RUN')
      .map((i) => i.args)
      .find((args) => args.includes('npm install -g pnpm@'));
    expect(install).toContain(`pnpm@${pinnedPnpmVersion()} `);
    const turboPackage = createRequire(repoPath('package.json')).resolve('turbo/package.json');
    const turboVersion = (JSON.parse(readFileSync(turboPackage, 'utf8')) as { version: string })
      .version;
    expect(install).toContain(`turbo@${turboVersion}`);
  });

  it('starts each target from an entry file that exists in its package', () => {
    for (const target of composeTargets()) {
      const workdir = effective(target, 'WORKDIR')!.replace(/^\/app\//, '');
      const entries = effective(target, 'CMD')!.match(/src\/[\w/.-]+\.ts/g) ?? [];
      expect(entries.length, target).toBeGreaterThan(0);
      for (const entry of entries)
        expect(existsSync(repoPath(`${workdir}/${entry}`)), entry).toBe(true);
    }
  });

  it('builds from Node 20, the version the repository supports', () => {
    const nodeImage = /ARG NODE_IMAGE=(\S+)/.exec(dockerfile)?.[1];
    expect(nodeImage).toMatch(/^node:20[.-]/);
  });
});

// .github/workflows/ci.yml: valid YAML with the jobs CI relies on — the same `pnpm test` as
// .ci/run against Postgres 15 and Redis 7 services with the pinned Node and pnpm, and a job that
// validates compose, builds every image target and runs the k6 smoke scenario through nginx.
import { describe, expect, it } from 'vitest';
import { pinnedPnpmVersion, readRepoFile, readRepoYaml } from './repo-files.ts';

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  with?: Record<string, string>;
}
interface Job {
  'runs-on': string;
  services?: Record<string, { image: string }>;
  steps: Step[];
}
const workflow = readRepoYaml<{ env: Record<string, string>; jobs: Record<string, Job> }>(
  '.github/workflows/ci.yml',
);
const runs = (job: Job) => job.steps.flatMap((s) => s.run ?? []).join('\n');

describe('.github/workflows/ci.yml', () => {
  it('runs `pnpm test` like .ci/run, with Postgres 15 and Redis 7 services', () => {
    const test = workflow.jobs.test!;
    expect(test['runs-on']).toMatch(/^ubuntu-/);
    expect(test.services?.postgres?.image).toBe('postgres:15');
    expect(test.services?.redis?.image).toBe('redis:7');
    expect(readRepoFile('.ci/run')).toMatch(/^pnpm test$/m);
    expect(runs(test)).toMatch(/^pnpm test$/m);
    expect(runs(test)).toContain('pnpm install --frozen-lockfile');
    expect(runs(test)).toMatch(/apt-get install[^\n]*nginx[^\n]*docker-compose/);
  });

  it('pins Node 20 and takes pnpm from packageManager in every job', () => {
    expect(workflow.env.NODE_VERSION).toBe('20');
    expect(pinnedPnpmVersion()).toMatch(/^10\./);
    for (const job of Object.values(workflow.jobs)) {
      const setupNode = job.steps.find((s) => s.uses?.startsWith('actions/setup-node@'));
      expect(setupNode?.with?.['node-version']).toBe('${{ env.NODE_VERSION }}');
      const setupPnpm = job.steps.find((s) => s.uses?.startsWith('pnpm/action-setup@'));
      // A second version here would have to be kept equal to packageManager by hand.
      expect(setupPnpm).toBeDefined();
      expect(setupPnpm?.with?.version).toBeUndefined();
    }
  });

  it('validates compose, builds every image target, starts the stack and runs the k6 smoke', () => {
    const stack = runs(workflow.jobs.stack!);
    expect(stack).toContain('docker compose -f docker-compose.yml config -q');
    expect(stack).toMatch(/for target in api worker migrate/);
    expect(stack).toContain('-f infra/docker/app.Dockerfile');
    expect(stack).toMatch(/docker compose up -d --no-build --wait/);
    expect(stack).toContain('docker compose --profile load run --rm k6 run /k6/smoke.js');
    expect(stack).toContain('pnpm load:teardown');
  });
});

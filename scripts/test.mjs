// `pnpm test`: every check there is — format, lint, types, unit and integration tests against real
// Postgres and Redis, and the browser journeys — on a freshly reset test database.
import { readFileSync, readdirSync, existsSync, rmSync } from 'node:fs';
import { ROOT, ensureInstalled, ensureServices, run, step } from './lib.mjs';

const TEST_DATABASE_URL =
  process.env.TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/tessera_test';

ensureInstalled();
await ensureServices();
for (const dir of ['apps', 'packages']) {
  for (const name of readdirSync(`${ROOT}/${dir}`))
    for (const file of ['vitest.json', 'vitest-cluster.json', 'e2e.json'])
      rmSync(`${ROOT}/${dir}/${name}/test-results/${file}`, { force: true });
}

step('Resetting the test database');
run('pnpm', ['--filter', '@tessera/db', 'reset'], { env: { DATABASE_URL: TEST_DATABASE_URL } });

step('Format, lint and typecheck');
run('pnpm', ['exec', 'prettier', '--check', '.', '--log-level', 'warn']);
run('pnpm', ['exec', 'turbo', 'run', 'lint', 'typecheck', '--output-logs=errors-only']);

step('Unit and integration tests');
const unitStatus = run(
  'pnpm',
  // --continue: one package's failure must not stop the others (their tests would go unrun and
  // uncounted, and the total below would look green).
  ['exec', 'turbo', 'run', 'test', '--concurrency=2', '--continue', '--output-logs=full'],
  {
    env: { TEST_DATABASE_URL },
    allowFailure: true,
  },
);

step('Redis Cluster (holds, waiting room and their workers on 3 masters, ports 7101-7103)');
const clusterStatus = run('node', ['scripts/redis-cluster.mjs', 'test'], {
  env: { TEST_DATABASE_URL },
  allowFailure: true,
});

step('Browser journeys');
const e2eStatus = run('pnpm', ['--filter', '@tessera/web', 'e2e'], { allowFailure: true });

// One total across every package's JSON report, in the plain form CI reads. A run can fail with
// every test passing (a file that did not load, an unhandled error): those are named too.
let passed = 0;
let failed = 0;
const broken = [];
for (const dir of ['apps', 'packages']) {
  for (const name of readdirSync(`${ROOT}/${dir}`)) {
    for (const file of ['vitest.json', 'vitest-cluster.json', 'e2e.json']) {
      const path = `${ROOT}/${dir}/${name}/test-results/${file}`;
      if (!existsSync(path)) continue;
      const report = JSON.parse(readFileSync(path, 'utf8'));
      passed += report.numPassedTests;
      failed += report.numFailedTests;
      for (const suite of report.testResults ?? [])
        if (
          suite.status === 'failed' &&
          suite.assertionResults?.every((a) => a.status !== 'failed')
        )
          broken.push(
            `${suite.name}: ${(suite.message || 'failed without a failing test').split('\n')[0]}`,
          );
      if (
        report.success === false &&
        report.numFailedTests === 0 &&
        report.numFailedTestSuites === 0
      )
        broken.push(`${dir}/${name} ${file}: the run failed outside any test (unhandled error?)`);
    }
  }
}
const steps = {
  'unit and integration': unitStatus,
  'Redis Cluster': clusterStatus,
  browser: e2eStatus,
};
const failedSteps = Object.keys(steps).filter((key) => steps[key]);
console.log(`\n${passed} passed, ${failed} failed`);
for (const line of broken) console.log(`broken: ${line}`);
if (failedSteps.length > 0) console.log(`failed steps: ${failedSteps.join(', ')}`);
process.exit(failedSteps.length > 0 || failed > 0 || broken.length > 0 ? 1 : 0);

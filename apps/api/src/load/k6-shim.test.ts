// The Node k6 shim (k6/runner/run.mjs) against a small local HTTP server: per-VU cookie jars,
// setup data, checks, custom metrics and tagged submetrics in thresholds, handleSummary files,
// and k6's exit codes for failed thresholds (99), script errors (107) and test.abort() (108).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { K6_DIR, runCommand } from './k6-stack.ts';

const seen: Array<{ path: string; cookie: string | null }> = [];
const server = http.createServer((req, res) => {
  const url = new URL(req.url!, 'http://x');
  seen.push({ path: url.pathname, cookie: req.headers.cookie ?? null });
  if (url.pathname === '/login') {
    res.setHeader('set-cookie', `sid=vu${url.searchParams.get('vu')}; Path=/; HttpOnly`);
    res.end('ok');
  } else if (url.pathname === '/whoami') res.end(req.headers.cookie ?? 'none');
  else {
    res.statusCode = 404;
    res.end('no');
  }
});
let baseUrl = '';
let dir = '';

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'tessera-k6-shim-'));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

const run = async (name: string, env: Record<string, string> = {}) => {
  seen.length = 0;
  const summaryFile = path.join(dir, `${name}.json`);
  const vars = Object.entries({ BASE_URL: baseUrl, SUMMARY_JSON: summaryFile, ...env }).flatMap(
    ([k, v]) => ['-e', `${k}=${v}`],
  );
  const result = await runCommand(
    process.execPath,
    ['runner/run.mjs', ...vars, 'runner/test-scripts/session.js'],
    { cwd: K6_DIR, env: process.env, timeoutMs: 60_000 },
  );
  const summary = () =>
    JSON.parse(readFileSync(summaryFile, 'utf8')) as {
      metrics: Record<
        string,
        { values: Record<string, number>; thresholds?: Record<string, { ok: boolean }> }
      >;
    };
  return { ...result, summary };
};

describe('k6 shim', () => {
  it('keeps one cookie jar per VU, counts what the server saw, and passes its thresholds', async () => {
    const result = await run('pass');
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toBe('summary written\n');

    // Each /whoami after a login carried only the cookie of the VU that logged in just before.
    const whoami = seen.filter((s) => s.path === '/whoami');
    const withCookie = whoami.filter((s) => s.cookie !== null);
    expect(withCookie.length).toBe(whoami.length / 2);
    expect(new Set(withCookie.map((s) => s.cookie))).toEqual(new Set(['sid=vu1', 'sid=vu2']));

    const { metrics } = result.summary();
    expect(metrics.http_reqs!.values.count).toBe(seen.length);
    expect(metrics['http_req_duration{name:whoami}']!.thresholds).toEqual({
      'count>0': { ok: true },
    });
    expect(metrics.checks!.values.passes).toBe(whoami.length);
    expect(metrics['http_req_failed{name:missing}']!.values.rate).toBe(1);
    expect(metrics.http_req_failed!.values.passes).toBe(
      seen.filter((s) => s.path === '/missing').length,
    );
    const thresholds = Object.values(metrics).flatMap((m) => Object.values(m.thresholds ?? {}));
    expect(thresholds).toHaveLength(4);
    expect(thresholds.every((t) => t.ok)).toBe(true);
  });

  it('exits 99 when a threshold fails, and marks that threshold', async () => {
    const result = await run('fail', { WANT_OK: '7' });
    expect(result.code).toBe(99);
    expect(result.summary().metrics.session_ok!.thresholds).toEqual({ 'count==7': { ok: false } });
  });

  it('exits 107 without running iterations when setup() throws', async () => {
    const result = await run('setup-error', { SETUP_THROWS: '1' });
    expect(result.code).toBe(107);
    expect(result.stderr).toContain('setup refused on purpose');
    expect(seen).toEqual([]);
  });

  it('exits 108 when the script calls exec.test.abort()', async () => {
    const result = await run('abort', { ABORT_AT: '0' });
    expect(result.code).toBe(108);
    expect(result.stderr).toContain('asked to');
  });
});

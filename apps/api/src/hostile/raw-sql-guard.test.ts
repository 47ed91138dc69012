// No request input reaches raw SQL unparameterised: every raw Prisma query in the code that serves
// requests (apps/api, apps/worker, packages/core and packages/db sources) is a tagged template or a
// Prisma.sql fragment, never the *Unsafe variants or a call with a built string; and no pg client
// query there is built with `${}` interpolation. A new raw call site is checked without editing this.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const ROOTS = ['apps/api/src', 'apps/worker/src', 'packages/core/src', 'packages/db/src'];
// Benchmarks and tests are not request paths; generated Prisma client code is not ours.
const SKIP = /(\.test\.ts$|\/generated\/|\/bench\/|\/node_modules\/)/;

const sourceFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return SKIP.test(`${full}/`) ? [] : sourceFiles(full);
    return entry.name.endsWith('.ts') && !SKIP.test(full) ? [full] : [];
  });

interface CallSite {
  file: string;
  line: number;
  text: string;
  tagged: boolean;
}

/** Skips a generic argument list (`<Array<{ id: string }>>`) and returns what follows it. */
const afterTypeArguments = (rest: string): string => {
  const trimmed = rest.trimStart();
  if (!trimmed.startsWith('<')) return trimmed;
  let depth = 0;
  for (let i = 0; i < trimmed.length; i += 1) {
    if (trimmed[i] === '<') depth += 1;
    if (trimmed[i] === '>' && trimmed[i - 1] !== '=') depth -= 1;
    if (depth === 0) return trimmed.slice(i + 1).trimStart();
  }
  return trimmed;
};

/** Every `$queryRaw…`/`$executeRaw…` call site, and whether its SQL is a parameterised template
 * (a name in quotes, as in `Pick<PrismaClient, '$queryRaw'>`, is a type, not a call). */
const rawPrismaCallSites = (files: string[]): CallSite[] =>
  files.flatMap((file) => {
    const source = readFileSync(file, 'utf8');
    return [...source.matchAll(/(?<!['"])\$(queryRaw|executeRaw)(Unsafe)?\b/g)].map((match) => {
      const next = afterTypeArguments(source.slice(match.index + match[0].length));
      const tagged = !match[2] && (next.startsWith('`') || /^\(\s*Prisma\.sql`/.test(next));
      return {
        file: path.relative(REPO, file),
        line: source.slice(0, match.index).split('\n').length,
        text: match[0],
        tagged,
      };
    });
  });

/**
 * Reviewed exceptions: constant SQL picked from a fixed map by a typed key, values bound as $1, $2
 * (no input is ever part of the string). A new untagged site fails until it is reviewed here.
 */
const REVIEWED_UNTAGGED = ['packages/core/src/housekeeping/purge-expired.ts:$executeRawUnsafe'];

const files = ROOTS.flatMap((root) => sourceFiles(path.join(REPO, root)));

describe('raw SQL call sites', () => {
  const sites = rawPrismaCallSites(files);

  it('finds the raw queries of the code base (the scan works)', () => {
    expect(files.length).toBeGreaterThan(100);
    expect(sites.length).toBeGreaterThan(10);
    expect(sites.map((site) => site.file)).toEqual(
      expect.arrayContaining(['packages/core/src/layouts/list-venues.ts']),
    );
  });

  it('uses only tagged templates or Prisma.sql, never *Unsafe or a built string', () => {
    const untagged = sites.filter((site) => !site.tagged).map((s) => `${s.file}:${s.text}`);
    expect(untagged).toEqual(REVIEWED_UNTAGGED);
  });

  it('never interpolates into a pg client query string', () => {
    const built = files.flatMap((file) => {
      const source = readFileSync(file, 'utf8');
      return [...source.matchAll(/\b(client|pool|tx|db)\.query\(\s*`[^`]*\$\{/g)].map(
        (match) =>
          `${path.relative(REPO, file)}:${source.slice(0, match.index).split('\n').length}`,
      );
    });
    // Administrative identifiers (a database name from our own configuration, quoted) only.
    expect(
      built.filter((site) => !/packages\/db\/src\/(migrate|reset-cli|testing\/)/.test(site)),
    ).toEqual([]);
  });
});

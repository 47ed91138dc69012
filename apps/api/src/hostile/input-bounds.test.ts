// Every string and array a client can send is bounded by the procedure's own schema (a length, a
// fixed format such as uuid or datetime, or an anchored pattern of bounded length), so no field
// relies on the 1 MiB body limit alone. Walks every procedure's input schema from appRouter._def.
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { appRouter } from '../trpc/router.ts';

interface Def {
  type: string;
  format?: string;
  checks?: Array<{ _zod: { def: { check: string; format?: string; pattern?: RegExp } } }>;
  shape?: Record<string, z.ZodType>;
  options?: z.ZodType[];
  items?: z.ZodType[];
  [key: string]: unknown;
}
const defOf = (schema: unknown) => (schema as { _zod: { def: Def } })._zod.def;

/** An anchored pattern whose repetitions are all bounded ({m,n}), like ^\d{12,19}$. */
const boundedPattern = (pattern: RegExp) =>
  pattern.source.startsWith('^') && !/[*+]|\{\d+,\}/.test(pattern.source.replace(/\\./g, ''));

const isBounded = (def: Def) => {
  const checks = (def.checks ?? []).map((check) => check._zod.def);
  if (checks.some((check) => check.check === 'max_length' || check.check === 'length_equals'))
    return true;
  if (def.format === 'uuid') return true;
  return checks.some(
    (check) =>
      check.check === 'string_format' &&
      (check.format === 'uuid' ||
        check.format === 'datetime' ||
        (check.pattern !== undefined && boundedPattern(check.pattern))),
  );
};

/** Paths of unbounded strings and arrays inside a schema. */
const unbounded = (schema: unknown, where: string): string[] => {
  const def = defOf(schema);
  const found = (def.type === 'string' || def.type === 'array') && !isBounded(def) ? [where] : [];
  const children: Array<[unknown, string]> = [
    ...(['innerType', 'in', 'schema'] as const).map(
      (key) => [def[key], where] as [unknown, string],
    ),
    [def.element, `${where}[]`],
    ...Object.entries(def.shape ?? {}).map(
      ([key, value]) => [value, `${where}.${key}`] as [unknown, string],
    ),
    ...(def.options ?? []).map((option, i) => [option, `${where}|${i}`] as [unknown, string]),
    ...(def.items ?? []).map((item, i) => [item, `${where}[${i}]`] as [unknown, string]),
  ];
  return [
    ...found,
    ...children
      .filter(([child]) => child !== undefined)
      .flatMap(([child, at]) => unbounded(child, at)),
  ];
};

const procedures = Object.entries(
  appRouter._def.procedures as unknown as Record<string, { _def: { inputs: unknown[] } }>,
);

describe('input bounds', () => {
  it('walks the input schemas of every procedure', () => {
    expect(procedures.length).toBeGreaterThan(40);
    // The walker does see an unbounded string (the check below is not vacuous).
    expect(unbounded({ _zod: { def: { type: 'string', checks: [] } } }, 'probe')).toEqual([
      'probe',
    ]);
  });

  it('bounds every string and array a client can send', () => {
    const open = procedures.flatMap(([path, procedure]) =>
      procedure._def.inputs.flatMap((input) => unbounded(input, path)),
    );
    expect(open).toEqual([]);
  });
});

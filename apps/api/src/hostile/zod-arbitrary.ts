// Derives fast-check arbitraries from the zod schemas our procedures declare (the kinds used in
// packages/contracts: objects, strings with lengths and formats, bounded ints, enums, literals,
// arrays, unions, optional/nullable/default, pipes, coerced dates). `validShaped` stays inside the
// schema (refinements aside); `hostile` mixes in values just outside it at every level.
import fc from 'fast-check';
import type { z } from 'zod';

/** Real ids mixed into generated uuids and ints, so some calls reach rows that exist. */
export interface ArbitraryHints {
  uuids: string[];
  ints: number[];
}

interface Def {
  type: string;
  checks?: Array<{ _zod: { def: CheckDef } }>;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  innerType?: z.ZodType;
  in?: z.ZodType;
  options?: z.ZodType[];
  items?: z.ZodType[];
  entries?: Record<string, string | number>;
  values?: unknown[];
  format?: string;
}
interface CheckDef {
  check: string;
  minimum?: number;
  maximum?: number;
  value?: number;
  inclusive?: boolean;
  format?: string;
  pattern?: RegExp;
}

const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

const checksOf = (def: Def): CheckDef[] => (def.checks ?? []).map((check) => check._zod.def);

/** Strings an attacker tries in any text field. */
export const INJECTION_STRINGS = [
  "'; DROP TABLE users; --",
  "%' OR 1=1 --",
  '" OR ""="',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '{{constructor.constructor("alert(1)")()}}',
  '../../etc/passwd',
  '\u0000',
  '\u202e\u0301👩‍👩‍👧‍👦',
];

const WRONG_TYPES = fc.constantFrom<unknown>(null, true, 0, -1, 'x', '', [], {}, [null], {
  a: 1,
});

const bounds = (def: Def) => {
  let min: number | undefined;
  let max: number | undefined;
  let format: string | undefined = def.format;
  let int = false;
  for (const check of checksOf(def)) {
    if (check.check === 'min_length') min = check.minimum;
    if (check.check === 'max_length') max = check.maximum;
    if (check.check === 'greater_than')
      min = check.inclusive ? check.value : (check.value ?? 0) + 1;
    if (check.check === 'less_than') max = check.inclusive ? check.value : (check.value ?? 0) - 1;
    if (check.check === 'number_format') int = true;
    if (check.check === 'string_format') format = check.format;
  }
  return { min, max, format, int };
};

const isoDate = fc
  .date({ min: new Date('2020-01-01'), max: new Date('2035-12-31'), noInvalidDate: true })
  .map((date) => date.toISOString());

// Printable text that survives `.trim()`, with characters injection payloads are made of.
const TEXT_UNIT = fc.constantFrom(...'abcdefXYZ0123456789 -_.\'"%;<>/&é漢😀'.split(/(?:)/u));

const validString = (def: Def, hints: ArbitraryHints): fc.Arbitrary<string> => {
  const { min = 0, max = 64, format } = bounds(def);
  const patterns = checksOf(def)
    .filter((check) => check.check === 'string_format' && check.pattern)
    .map((check) => check.pattern!);
  const fits = (value: string) =>
    value.length >= min && value.length <= max && patterns.every((p) => p.test(value));
  if (format === 'uuid' || format === 'guid') {
    return hints.uuids.length ? fc.oneof(fc.uuid(), fc.constantFrom(...hints.uuids)) : fc.uuid();
  }
  if (format === 'email') return fc.emailAddress().filter(fits);
  if (format === 'datetime') return isoDate;
  const anchored = patterns.find((pattern) => pattern.source.startsWith('^'));
  if (anchored) return fc.stringMatching(anchored).filter(fits);
  const text = fc
    .tuple(fc.constantFrom('a1', 'Zed 7', 'x'), fc.string({ unit: TEXT_UNIT, maxLength: 40 }))
    .map(([head, tail]) => `${head}${tail}`.trim().padEnd(min, 'm').slice(0, max));
  const base = fc
    .oneof(text, fc.string({ minLength: min, maxLength: Math.min(max, min + 20) }))
    .filter(fits);
  // A refinement is opaque: offer the shapes ours accept (empty, an https URL) beside plain text.
  const refined = checksOf(def).some((check) => check.check === 'custom');
  return refined ? fc.oneof(fc.constant(''), fc.webUrl({ validSchemes: ['https'] }), base) : base;
};

const validNumber = (def: Def, hints: ArbitraryHints): fc.Arbitrary<number> => {
  const { min = -1_000_000, max = 1_000_000, int } = bounds(def);
  if (!int) return fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
  const inRange = hints.ints.filter((value) => value >= min && value <= max);
  const ints = fc.integer({ min: Math.max(min, -(2 ** 31)), max: Math.min(max, 2 ** 31) });
  return inRange.length ? fc.oneof(ints, fc.constantFrom(...inRange)) : ints;
};

export const validShaped = (schema: z.ZodType, hints: ArbitraryHints): fc.Arbitrary<unknown> => {
  const def = defOf(schema);
  switch (def.type) {
    case 'object': {
      const shape = def.shape ?? {};
      const required = Object.keys(shape).filter((key) => {
        const type = defOf(shape[key]!).type;
        return type !== 'optional' && type !== 'default';
      });
      return fc.record(
        Object.fromEntries(
          Object.entries(shape).map(([key, value]) => [key, validShaped(value, hints)]),
        ),
        { requiredKeys: required },
      );
    }
    case 'string':
      return validString(def, hints);
    case 'number':
      return validNumber(def, hints);
    case 'boolean':
      return fc.boolean();
    case 'date':
      return isoDate;
    case 'enum':
      return fc.constantFrom(...Object.values(def.entries ?? {}));
    case 'literal':
      return fc.constantFrom(...(def.values ?? []));
    case 'array': {
      const { min = 0, max = 10 } = bounds(def);
      return fc.array(validShaped(def.element!, hints), {
        minLength: min,
        maxLength: Math.min(max, min + 10),
      });
    }
    case 'union':
      return fc.oneof(...(def.options ?? []).map((option) => validShaped(option, hints)));
    case 'tuple':
      return fc.tuple(...(def.items ?? []).map((item) => validShaped(item, hints)));
    case 'optional':
    case 'default':
      return fc.option(validShaped(def.innerType!, hints), { nil: undefined });
    case 'nullable':
      return fc.option(validShaped(def.innerType!, hints), { nil: null });
    case 'pipe':
      return validShaped(def.in!, hints);
    default:
      // transform, custom, any: whatever JSON can carry.
      return fc.jsonValue({ maxDepth: 2 });
  }
};

/** Values of the same node that its schema (or a sane server) should refuse. */
const outside = (schema: z.ZodType): fc.Arbitrary<unknown> => {
  const def = defOf(schema);
  const { min, max } = bounds(def);
  const variants: Array<fc.Arbitrary<unknown>> = [WRONG_TYPES];
  if (def.type === 'string') {
    variants.push(
      fc.constantFrom(...INJECTION_STRINGS),
      fc.string({ unit: 'grapheme', maxLength: 30 }),
      fc.constant('x'.repeat((max ?? 10_000) + 1)),
      fc.constant(' '.repeat(Math.max(min ?? 1, 1))),
    );
    if (min) variants.push(fc.constant('x'.repeat(min - 1)));
  }
  if (def.type === 'number') {
    variants.push(
      fc.constantFrom(1.5, -0, -1, 1e308, -1e308, 2 ** 53 + 2, 2 ** 31, -(2 ** 31) - 1),
      fc.constant('1'),
    );
    if (min !== undefined) variants.push(fc.constant(min - 1));
    if (max !== undefined) variants.push(fc.constant(max + 1));
  }
  if (def.type === 'array') {
    const length = (max ?? 1000) + 1;
    variants.push(
      fc.constant(Array.from({ length }, (_, i) => i + 1)),
      fc.constant(Array.from({ length: 10_000 }, () => 1)),
    );
  }
  if (def.type === 'object') {
    variants.push(fc.constant({}), fc.constant([]));
  }
  return fc.oneof(...variants);
};

export const hostile = (schema: z.ZodType, hints: ArbitraryHints): fc.Arbitrary<unknown> => {
  const def = defOf(schema);
  switch (def.type) {
    case 'object': {
      const shape = def.shape ?? {};
      const keys = Object.keys(shape);
      const record = fc.record(
        Object.fromEntries(keys.map((key) => [key, hostile(shape[key]!, hints)])),
        { requiredKeys: [] },
      );
      // Extra fields, including prototype-pollution keys (own properties, as JSON.parse makes them).
      const extra = fc.constantFrom<Record<string, unknown>>(
        {},
        { extra: 'field' },
        JSON.parse('{"__proto__":{"isAdmin":true,"role":"ADMIN"}}') as Record<string, unknown>,
        { constructor: { prototype: { role: 'ADMIN' } } },
      );
      return fc.oneof(
        { weight: 4, arbitrary: fc.tuple(record, extra).map(([a, b]) => ({ ...b, ...a })) },
        { weight: 1, arbitrary: outside(schema) },
      );
    }
    case 'array': {
      const { max = 10 } = bounds(def);
      return fc.oneof(
        {
          weight: 3,
          arbitrary: fc.array(hostile(def.element!, hints), { maxLength: Math.min(max, 8) }),
        },
        { weight: 1, arbitrary: outside(schema) },
      );
    }
    case 'union':
      return fc.oneof(...(def.options ?? []).map((option) => hostile(option, hints)));
    case 'optional':
    case 'default':
    case 'nullable':
      return fc.oneof(fc.constant(undefined), fc.constant(null), hostile(def.innerType!, hints));
    case 'pipe':
      return hostile(def.in!, hints);
    default:
      return fc.oneof(
        { weight: 2, arbitrary: validShaped(schema, hints) },
        { weight: 3, arbitrary: outside(schema) },
      );
  }
};

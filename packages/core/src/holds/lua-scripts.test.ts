// Every script keeps the BullMQ conventions the wrappers rely on: a header documenting input and
// output, and no key beyond the count its file name declares (cluster safety depends on KEYS).
import { describe, expect, it } from 'vitest';
import { readScript, SCRIPT_FILES } from './lua-scripts.ts';

describe.each(Object.entries(SCRIPT_FILES))('%s', (_name, file) => {
  const source = readScript(file);
  const declaredKeys = Number(/-(\d+)\.lua$/.exec(file)?.[1]);
  const header = source.slice(0, source.indexOf(']]'));

  it('opens with a header describing KEYS, ARGV and the output', () => {
    expect(source.startsWith('--[[')).toBe(true);
    expect(header).toContain('KEYS[1]');
    expect(header).toContain('ARGV[1'); // ARGV[1] or a range such as ARGV[1..10]
    expect(header).toContain('Output:');
  });

  it(`uses no key beyond KEYS[${declaredKeys}]`, () => {
    const used = [...source.matchAll(/KEYS\[(\d+)\]/g)].map((m) => Number(m[1]));
    expect(Math.max(...used)).toBeLessThanOrEqual(declaredKeys);
  });

  it('has its includes inlined', () => {
    expect(source).not.toContain('--- @include');
  });
});

// The waiting-room scripts keep the conventions holds/lua-scripts.test.ts checks: a header with
// KEYS, ARGV and the output, no key beyond the count in the file name (cluster safety), includes
// inlined, and every key the wrappers pass sharing one hash tag.
import { describe, expect, it } from 'vitest';
import { eventGateKeys, windowKeys } from './keys.ts';
import { readWindowScript, WINDOW_SCRIPT_FILES, windowKeyList } from './lua-scripts.ts';

describe.each(Object.entries(WINDOW_SCRIPT_FILES))('%s', (_name, file) => {
  const source = readWindowScript(file);
  const declaredKeys = Number(/-(\d+)\.lua$/.exec(file)?.[1]);
  const header = source.slice(0, source.indexOf(']]'));

  it('opens with a header describing KEYS, ARGV and the output', () => {
    expect(source.startsWith('--[[')).toBe(true);
    expect(header).toContain('KEYS[1');
    expect(header).toContain('ARGV[1');
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

describe('waiting-room keys', () => {
  const tagOf = (key: string) => /\{[^}]+\}/.exec(key)?.[0];

  it('put every window key in the window slot and the gate in the event slot', () => {
    const keys = windowKeyList(windowKeys({ prefix: 'p:', windowId: 'w1' }));
    expect(keys).toHaveLength(12);
    expect(new Set(keys.map(tagOf))).toEqual(new Set(['{wr:w1}']));
    const gate = eventGateKeys({ prefix: 'p:', eventId: 'e1' });
    expect([tagOf(gate.gate), tagOf(gate.consumed)]).toEqual(['{ev:e1}', '{ev:e1}']);
  });

  it('refuse braces that would move the hash tag', () => {
    expect(() => windowKeys({ prefix: 'p{x}:', windowId: 'w1' })).toThrow();
    expect(() => windowKeys({ prefix: 'p:', windowId: 'w}1' })).toThrow();
  });
});

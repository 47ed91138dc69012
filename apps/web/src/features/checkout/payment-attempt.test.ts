import { describe, expect, it } from 'vitest';
import { attemptFor } from './payment-attempt.ts';

const keys = ['key-1', 'key-2'];
const newKey = () => keys.shift() ?? 'exhausted';

describe('attemptFor', () => {
  it('keeps the key for a retry of the same unsettled attempt', () => {
    const first = attemptFor({ previous: null, fingerprint: 'hold+4242', newKey: () => 'k1' });
    expect(attemptFor({ previous: first, fingerprint: 'hold+4242', newKey })).toBe(first);
  });

  it('starts a new attempt for other card details or after a final answer', () => {
    const first = { key: 'k1', fingerprint: 'hold+4242', settled: false };
    expect(attemptFor({ previous: first, fingerprint: 'hold+0002', newKey }).key).toBe('key-1');
    const settled = { ...first, settled: true };
    expect(attemptFor({ previous: settled, fingerprint: 'hold+4242', newKey }).key).toBe('key-2');
  });
});

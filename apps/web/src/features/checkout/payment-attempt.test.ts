import { describe, expect, it } from 'vitest';
import { attemptFor, isFinal } from './payment-attempt.ts';

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

describe('isFinal', () => {
  it('waits while pending and until a succeeded payment has its order', () => {
    expect(isFinal(undefined)).toBe(false);
    expect(isFinal({ status: 'PENDING', orderId: null })).toBe(false);
    expect(isFinal({ status: 'SUCCEEDED', orderId: null })).toBe(false);
  });

  it('stops at a confirmed order, a decline, a refund or a failure', () => {
    const orderId = '6a1f0c2e-9a59-4d7e-8f55-0f3f5b8e9d11';
    expect(isFinal({ status: 'SUCCEEDED', orderId })).toBe(true);
    for (const status of ['DECLINED', 'REFUNDED', 'FAILED'] as const)
      expect(isFinal({ status, orderId: null })).toBe(true);
  });
});

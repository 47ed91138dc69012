import { describe, expect, it } from 'vitest';
import { formatClock, formatEta, queueProgress } from './queue-format.ts';

describe('formatEta', () => {
  it('words a range by its size', () => {
    expect(formatEta({ min: 10, max: 40 })).toBe('less than a minute');
    expect(formatEta({ min: 150, max: 190 })).toBe('about 3 minutes');
    expect(formatEta({ min: 240, max: 420 })).toBe('4–7 minutes');
    expect(formatEta({ min: 7_200, max: 10_800 })).toBe('2–3 hours');
  });
});

describe('formatClock', () => {
  it('shows minutes and seconds, hours and days when needed, never below zero', () => {
    expect(formatClock(65_000)).toBe('01:05');
    expect(formatClock(3_723_000)).toBe('01:02:03');
    expect(formatClock(90_061_000)).toBe('1 d 01:01:01');
    expect(formatClock(-5)).toBe('00:00');
  });
});

describe('queueProgress', () => {
  it('moves from 0 at the first place seen to 1 at the front', () => {
    expect(queueProgress(101, 101)).toBe(0);
    expect(queueProgress(101, 51)).toBe(0.5);
    expect(queueProgress(101, 1)).toBe(1);
    expect(queueProgress(1, 1)).toBe(1);
    expect(queueProgress(10, 12)).toBe(0);
  });
});

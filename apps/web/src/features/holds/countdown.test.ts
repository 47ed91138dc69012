import { describe, expect, it } from 'vitest';
import { countdownAnnouncement, countdownTone, formatCountdown } from './countdown.ts';

describe('formatCountdown', () => {
  it('shows minutes and seconds, rounding partial seconds up', () => {
    expect(formatCountdown(420_000)).toBe('07:00');
    expect(formatCountdown(59_001)).toBe('01:00');
    expect(formatCountdown(59_000)).toBe('00:59');
    expect(formatCountdown(1)).toBe('00:01');
  });

  it('stops at zero and lets minutes pass an hour', () => {
    expect(formatCountdown(-5_000)).toBe('00:00');
    expect(formatCountdown(3_725_000)).toBe('62:05');
  });
});

describe('countdownTone', () => {
  it('turns urgent under a minute and expired at zero', () => {
    expect(countdownTone(60_000)).toBe('calm');
    expect(countdownTone(59_999)).toBe('urgent');
    expect(countdownTone(0)).toBe('expired');
  });
});

describe('countdownAnnouncement', () => {
  it('announces each milestone once, as it is crossed', () => {
    expect(countdownAnnouncement({ previousMs: 60_400, remainingMs: 59_400 })).toBe(
      '1 minute left to complete your purchase.',
    );
    expect(countdownAnnouncement({ previousMs: 121_000, remainingMs: 120_000 })).toBe(
      '2 minutes left to complete your purchase.',
    );
    expect(countdownAnnouncement({ previousMs: 30_500, remainingMs: 29_500 })).toBe(
      '30 seconds left to complete your purchase.',
    );
    expect(countdownAnnouncement({ previousMs: 59_000, remainingMs: 58_000 })).toBeNull();
  });

  it('announces the expiry', () => {
    expect(countdownAnnouncement({ previousMs: 800, remainingMs: -200 })).toBe(
      'Your hold has expired and the seats were released.',
    );
    expect(countdownAnnouncement({ previousMs: 0, remainingMs: -1000 })).toBeNull();
  });
});

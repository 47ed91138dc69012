// The seat-state encodings of keys.ts decoded by hand-written examples.
import { describe, expect, it } from 'vitest';
import { decodeSeatValue, parseHoldRecord, redisTimeMs } from './seat-state-codec.ts';

describe('decodeSeatValue', () => {
  it('reads free, sold, live and expired holds', () => {
    expect(decodeSeatValue(undefined, 1_000)).toEqual({ state: 'available' });
    expect(decodeSeatValue('0', 1_000)).toEqual({ state: 'available' });
    expect(decodeSeatValue('s', 1_000)).toEqual({ state: 'sold' });
    expect(decodeSeatValue('2000:hold-a', 1_000)).toEqual({
      state: 'held',
      holdId: 'hold-a',
      expiresAt: 2_000,
    });
    expect(decodeSeatValue('1000:hold-a', 1_000)).toEqual({ state: 'available' });
  });
});

describe('parseHoldRecord', () => {
  it('splits the pipe-separated record', () => {
    expect(parseHoldRecord('h1', 'ev', 'h|5000|1|4000|user-7|12,13')).toEqual({
      holdId: 'h1',
      eventId: 'ev',
      status: 'h',
      expiresAt: 5_000,
      extended: true,
      createdAt: 4_000,
      userId: 'user-7',
      seatIds: [12, 13],
    });
  });
});

describe('redisTimeMs', () => {
  it('turns seconds and microseconds into milliseconds', () => {
    expect(redisTimeMs(['1700000000', '123999'])).toBe(1_700_000_000_123);
  });
});

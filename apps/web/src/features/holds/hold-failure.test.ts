import { describe, expect, it } from 'vitest';
import { layout, priceTiers } from './fixtures.test-data.ts';
import { explainHoldFailure } from './hold-failure.ts';
import { buildSeatIndex } from './seat-index.ts';

const seatIndex = buildSeatIndex({ layout, priceTiers, currency: 'EUR' });
const refusal = (appError: Record<string, unknown>) => ({ data: { appError } });

describe('explainHoldFailure', () => {
  it('names the seat someone else took and drops it from the selection', () => {
    const error = refusal({ code: 'SEAT_TAKEN', userMessage: 'Taken.', seatIds: [1] });
    expect(explainHoldFailure({ error, seatIndex, limit: 6 })).toEqual({
      message:
        'Seat F12 in Section 104 was just taken by someone else. We removed it from your selection.',
      dropSeatIds: [1],
      refresh: true,
      signIn: false,
    });
  });

  it('names several taken seats', () => {
    const error = refusal({ code: 'SEAT_TAKEN', userMessage: 'Taken.', seatIds: [1, 2] });
    expect(explainHoldFailure({ error, seatIndex, limit: 6 }).message).toBe(
      'Seats F12 and F13 in Section 104 were just taken by someone else. We removed them from your selection.',
    );
  });

  it('explains a stranded seat without dropping the selection', () => {
    const error = refusal({ code: 'CONFLICT', userMessage: 'Stranded.', seatIds: [5] });
    const failure = explainHoldFailure({ error, seatIndex, limit: 6 });
    expect(failure.message).toBe(
      'That would leave row 26 seat 18 in Balcony as a single empty seat between taken seats. Add it to your selection, or pick seats elsewhere in the row.',
    );
    expect(failure.dropSeatIds).toEqual([]);
  });

  it('states the limit', () => {
    const error = refusal({ code: 'HOLD_LIMIT_REACHED', userMessage: 'Limit.' });
    expect(explainHoldFailure({ error, seatIndex, limit: 4 }).message).toBe(
      'You can hold at most 4 seats for this event. Release a hold or choose fewer seats.',
    );
  });

  it('sends a signed-out fan to sign in', () => {
    const error = refusal({ code: 'UNAUTHENTICATED', userMessage: 'Sign in.' });
    expect(explainHoldFailure({ error, seatIndex, limit: 4 }).signIn).toBe(true);
  });

  it('passes the server message through for best-available shortfalls', () => {
    const error = refusal({ code: 'SEAT_TAKEN', userMessage: 'Not enough seats together.' });
    expect(explainHoldFailure({ error, seatIndex, limit: 4 })).toMatchObject({
      message: 'Not enough seats together.',
      dropSeatIds: [],
      refresh: true,
    });
  });
});

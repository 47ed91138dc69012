// The event form's translation: money parsing, per-tier price errors and server error placement.
import { describe, expect, it } from 'vitest';
import {
  buildEventInput,
  EMPTY_EVENT_FORM,
  fromServerFieldErrors,
  parseMoney,
  type EventFormState,
} from './event-form-model.ts';

const VENUE = '6f1c2b9e-8a51-4a77-9c35-2d3a4b5c6d7e';
const filled: EventFormState = {
  ...EMPTY_EVENT_FORM,
  title: 'Spring Gala',
  city: 'Lyon',
  venueId: VENUE,
  startsAt: '2031-04-05T20:30',
  prices: { 7: '75.5', 8: '' },
};

describe('parseMoney', () => {
  it('reads whole and decimal amounts in cents', () => {
    expect(parseMoney('75')).toBe(7500);
    expect(parseMoney('75.5')).toBe(7550);
    expect(parseMoney('0,05')).toBe(5);
    expect(parseMoney('-3')).toBeNull();
    expect(parseMoney('12.345')).toBeNull();
  });
});

describe('buildEventInput', () => {
  it('sends only the tiers given a price, the start time as an ISO instant', () => {
    const { input, errors, tierOrder } = buildEventInput(filled, [7, 8]);
    expect(errors).toEqual({});
    expect(input?.prices).toEqual([{ priceTierId: 7, priceCents: 7550 }]);
    expect(tierOrder).toEqual([7]);
    expect(input?.startsAt).toBe(new Date('2031-04-05T20:30').toISOString());
  });

  it('puts each problem beside its field', () => {
    const { input, errors } = buildEventInput(
      { ...filled, title: 'x', venueId: '', prices: { 7: 'abc' }, startsAt: '' },
      [7, 8],
    );
    expect(input).toBeNull();
    expect(Object.keys(errors).sort()).toEqual(['price-7', 'startsAt', 'title', 'venueId']);
  });
});

describe('fromServerFieldErrors', () => {
  it('maps price paths to the tier they were sent for', () => {
    expect(
      fromServerFieldErrors({ 'prices.1.priceTierId': 'Not this venue', venueId: 'Pick' }, [4, 9]),
    ).toEqual({ 'price-9': 'Not this venue', venueId: 'Pick' });
  });
});

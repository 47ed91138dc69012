import { describe, expect, it } from 'vitest';
import {
  cardErrorsFromServer,
  groupCardNumber,
  passesLuhn,
  toPaymentMethod,
  validateCard,
} from './card-details.ts';

const now = new Date(2026, 10, 25);
const good = {
  name: 'Fran Fan',
  number: '4242 4242 4242 4242',
  expMonth: '12',
  expYear: '2028',
  cvc: '123',
};

describe('validateCard', () => {
  it('accepts a complete, valid card', () => {
    expect(validateCard(good, now)).toEqual({});
  });

  it('explains every problem beside its field', () => {
    expect(
      validateCard({ name: ' ', number: '1234', expMonth: '13', expYear: '28x', cvc: '12' }, now),
    ).toEqual({
      name: 'Enter the name on the card.',
      number: 'Enter the 12 to 19 digit card number.',
      expMonth: 'Enter a month from 1 to 12.',
      expYear: 'Enter the year, e.g. 2028.',
      cvc: 'Enter the 3 or 4 digit security code.',
    });
  });

  it('catches typos with the Luhn check and expired cards', () => {
    expect(validateCard({ ...good, number: '4242424242424241' }, now).number).toBe(
      'This card number is not valid; check for typos.',
    );
    expect(validateCard({ ...good, expMonth: '10', expYear: '26' }, now).expYear).toBe(
      'This card has expired.',
    );
    expect(validateCard({ ...good, expMonth: '11', expYear: '26' }, now)).toEqual({});
  });
});

describe('passesLuhn', () => {
  it('accepts the test cards and rejects a changed digit', () => {
    expect(passesLuhn('4000000000000002')).toBe(true);
    expect(passesLuhn('4000000000009995')).toBe(true);
    expect(passesLuhn('4000000000009996')).toBe(false);
  });
});

describe('toPaymentMethod', () => {
  it('sends digits only, numbers, and four-digit years', () => {
    expect(toPaymentMethod({ ...good, expMonth: '03', expYear: '29', name: ' Fran ' })).toEqual({
      name: 'Fran',
      cardNumber: '4242424242424242',
      expMonth: 3,
      expYear: 2029,
      cvc: '123',
    });
  });
});

describe('cardErrorsFromServer', () => {
  it('maps input paths to form fields and ignores the rest', () => {
    expect(
      cardErrorsFromServer({ 'paymentMethod.cvc': 'Bad code.', holdId: 'Unknown hold.' }),
    ).toEqual({ cvc: 'Bad code.' });
  });
});

describe('groupCardNumber', () => {
  it('groups digits by four and drops anything else', () => {
    expect(groupCardNumber('4242-4242x42424')).toBe('4242 4242 4242 4');
  });
});

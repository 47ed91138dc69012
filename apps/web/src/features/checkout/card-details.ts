// The card form's values, their validation (messages shown beside each field) and the payment
// method sent to checkout.pay.
import type { PaymentMethod } from '@tessera/contracts/checkout';

export interface CardValues {
  name: string;
  number: string;
  expMonth: string;
  expYear: string;
  cvc: string;
}

export type CardErrors = Partial<Record<keyof CardValues, string>>;

export const EMPTY_CARD: CardValues = { name: '', number: '', expMonth: '', expYear: '', cvc: '' };

const digitsOf = (text: string) => text.replace(/[\s-]/g, '');

/** The Luhn checksum every real card number passes; catches most typos before a round trip. */
export const passesLuhn = (digits: string): boolean => {
  let sum = 0;
  for (let i = 0; i < digits.length; i += 1) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return digits.length > 0 && sum % 10 === 0;
};

/** Two-digit years mean 20xx. */
const fullYear = (text: string) => {
  const year = Number(text);
  return text.trim().length === 2 ? 2000 + year : year;
};

export const validateCard = (values: CardValues, now: Date): CardErrors => {
  const errors: CardErrors = {};
  if (!values.name.trim()) errors.name = 'Enter the name on the card.';
  const digits = digitsOf(values.number);
  if (!/^\d{12,19}$/.test(digits)) errors.number = 'Enter the 12 to 19 digit card number.';
  else if (!passesLuhn(digits)) errors.number = 'This card number is not valid; check for typos.';
  const month = Number(values.expMonth);
  const year = fullYear(values.expYear);
  if (!/^\d{1,2}$/.test(values.expMonth.trim()) || month < 1 || month > 12)
    errors.expMonth = 'Enter a month from 1 to 12.';
  if (!/^\d{2}(\d{2})?$/.test(values.expYear.trim())) errors.expYear = 'Enter the year, e.g. 2028.';
  else if (
    !errors.expMonth &&
    (year < now.getFullYear() || (year === now.getFullYear() && month < now.getMonth() + 1))
  )
    errors.expYear = 'This card has expired.';
  if (!/^\d{3,4}$/.test(values.cvc.trim())) errors.cvc = 'Enter the 3 or 4 digit security code.';
  return errors;
};

export const toPaymentMethod = (values: CardValues): PaymentMethod => ({
  name: values.name.trim(),
  cardNumber: digitsOf(values.number),
  expMonth: Number(values.expMonth),
  expYear: fullYear(values.expYear),
  cvc: values.cvc.trim(),
});

/** Server field errors arrive keyed by input path ("paymentMethod.cardNumber"). */
const FIELD_OF_PATH: Record<string, keyof CardValues> = {
  'paymentMethod.name': 'name',
  'paymentMethod.cardNumber': 'number',
  'paymentMethod.expMonth': 'expMonth',
  'paymentMethod.expYear': 'expYear',
  'paymentMethod.cvc': 'cvc',
};

export const cardErrorsFromServer = (fieldErrors: Record<string, string> | undefined): CardErrors =>
  Object.fromEntries(
    Object.entries(fieldErrors ?? {}).flatMap(([path, message]) => {
      const field = FIELD_OF_PATH[path];
      return field ? [[field, message]] : [];
    }),
  );

/** "•••• 4242" style grouping as the fan types. */
export const groupCardNumber = (text: string) =>
  digitsOf(text)
    .replace(/\D/g, '')
    .slice(0, 19)
    .replace(/(\d{4})(?=\d)/g, '$1 ');

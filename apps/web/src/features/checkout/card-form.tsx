// The card form: name, number, expiry and security code, with messages beside each field.
import type { FormEvent } from 'react';
import { Button } from '../../components/button.tsx';
import { TextField } from '../../components/text-field.tsx';
import { groupCardNumber, type CardErrors, type CardValues } from './card-details.ts';

interface CardFormProps {
  values: CardValues;
  errors: CardErrors;
  onChange: (values: CardValues) => void;
  onSubmit: () => void;
  pending: boolean;
  disabled: boolean;
  submitLabel: string;
}

export const CardForm = ({
  values,
  errors,
  onChange,
  onSubmit,
  pending,
  disabled,
  submitLabel,
}: CardFormProps) => {
  const set = (field: keyof CardValues) => (event: { target: { value: string } }) =>
    onChange({
      ...values,
      [field]: field === 'number' ? groupCardNumber(event.target.value) : event.target.value,
    });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  return (
    <form onSubmit={submit} noValidate className="space-y-4" aria-label="Card details">
      <TextField
        label="Name on card"
        autoComplete="cc-name"
        value={values.name}
        onChange={set('name')}
        error={errors.name}
      />
      <TextField
        label="Card number"
        autoComplete="cc-number"
        inputMode="numeric"
        value={values.number}
        onChange={set('number')}
        error={errors.number}
        placeholder="1234 5678 9012 3456"
      />
      <div className="grid grid-cols-3 gap-3">
        <TextField
          label="Exp. month"
          autoComplete="cc-exp-month"
          inputMode="numeric"
          maxLength={2}
          placeholder="MM"
          value={values.expMonth}
          onChange={set('expMonth')}
          error={errors.expMonth}
        />
        <TextField
          label="Exp. year"
          autoComplete="cc-exp-year"
          inputMode="numeric"
          maxLength={4}
          placeholder="YYYY"
          value={values.expYear}
          onChange={set('expYear')}
          error={errors.expYear}
        />
        <TextField
          label="CVC"
          autoComplete="cc-csc"
          inputMode="numeric"
          maxLength={4}
          placeholder="123"
          value={values.cvc}
          onChange={set('cvc')}
          error={errors.cvc}
        />
      </div>
      <Button type="submit" className="w-full" pending={pending} disabled={disabled}>
        {submitLabel}
      </Button>
    </form>
  );
};

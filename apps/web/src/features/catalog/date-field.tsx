// A labelled calendar-day input (YYYY-MM-DD) for the date-range filter, with its error beside it.
import { useId } from 'react';
import { inputClasses } from '../../components/text-field.tsx';

interface DateFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** Earliest day the picker offers (the range's start, for its end). */
  min?: string | undefined;
  error?: string | undefined;
}

export const DateField = ({ label, value, onChange, min, error }: DateFieldProps) => {
  const id = useId();
  return (
    <div>
      <label htmlFor={id} className="mb-1.5 block text-sm font-medium text-slate-800">
        {label}
      </label>
      <input
        id={id}
        type="date"
        value={value}
        min={min || undefined}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        className={inputClasses(Boolean(error))}
      />
      {error && (
        <p id={`${id}-error`} className="mt-1.5 text-sm text-red-700">
          {error}
        </p>
      )}
    </div>
  );
};

// A compact labelled number input that keeps what the admin types (a lone "-" or an empty box)
// and reports a number only once the text is one.
import { useEffect, useId, useState } from 'react';

interface NumberFieldProps {
  label: string;
  value: number;
  onChange: (value: number) => void;
  step?: number;
  min?: number;
  max?: number;
  integer?: boolean;
  disabled?: boolean;
}

export const NumberField = ({
  label,
  value,
  onChange,
  step = 1,
  min,
  max,
  integer,
  disabled,
}: NumberFieldProps) => {
  const id = useId();
  const [text, setText] = useState(String(value));
  useEffect(() => {
    if (Number(text) !== value) setText(String(value));
    // Only outside changes (undo, regeneration) rewrite the text.
  }, [value]);
  const invalid =
    text.trim() === '' ||
    !Number.isFinite(Number(text)) ||
    (integer && !Number.isInteger(Number(text)));
  return (
    <div className="min-w-0">
      <label htmlFor={id} className="block text-xs font-medium text-slate-700">
        {label}
      </label>
      <input
        id={id}
        type="number"
        inputMode="decimal"
        step={step}
        min={min}
        max={max}
        disabled={disabled}
        value={text}
        aria-invalid={invalid || undefined}
        onChange={(e) => {
          setText(e.target.value);
          const n = Number(e.target.value);
          if (
            e.target.value.trim() !== '' &&
            Number.isFinite(n) &&
            (!integer || Number.isInteger(n))
          )
            onChange(n);
        }}
        className={`mt-0.5 block w-full rounded-md border bg-white px-2 py-1.5 text-sm text-slate-900 shadow-sm focus:outline-2 focus:outline-indigo-600 ${invalid ? 'border-red-500' : 'border-slate-300'}`}
      />
    </div>
  );
};

export const SelectField = <T extends string>({
  label,
  value,
  options,
  onChange,
}: {
  label: string;
  value: T;
  options: ReadonlyArray<{ value: T; label: string }>;
  onChange: (value: T) => void;
}) => {
  const id = useId();
  return (
    <div className="min-w-0">
      <label htmlFor={id} className="block text-xs font-medium text-slate-700">
        {label}
      </label>
      <select
        id={id}
        value={value}
        onChange={(e) => onChange(e.target.value as T)}
        className="mt-0.5 block w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm text-slate-900 shadow-sm focus:outline-2 focus:outline-indigo-600"
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
};

// Schedule a window, or edit one (only what the server allows once it has started). Checked here
// with the contract's schema first; the server's field errors land beside the same fields.
import type { AdminOnSaleWindow, AdmissionMode } from '@tessera/contracts/on-sales';
import { useState } from 'react';
import { Button } from '../../components/button.tsx';
import { TextField } from '../../components/text-field.tsx';
import { describeError, readAppError } from '../../lib/app-error.ts';
import {
  buildScheduleInput,
  buildUpdateChanges,
  defaultOnSaleForm,
  fromOnSaleWindow,
  fromServerFieldErrors,
  LOCKED_ONCE_STARTED,
  type OnSaleField,
  type OnSaleFormErrors,
  type OnSaleFormState,
  withField,
} from './on-sale-form-model.ts';

type Submit =
  | { kind: 'schedule'; input: NonNullable<ReturnType<typeof buildScheduleInput>['input']> }
  | { kind: 'update'; changes: NonNullable<ReturnType<typeof buildUpdateChanges>['input']> };

const MODES: { value: AdmissionMode; label: string; help: string }[] = [
  { value: 'PACE', label: 'Fixed pace', help: 'Lets in the same number of fans every minute.' },
  {
    value: 'CAP',
    label: 'Cap on active shoppers',
    help: 'Lets in a fan whenever a shopper leaves, up to the cap.',
  },
  {
    value: 'INVENTORY',
    label: 'Inventory-aware',
    help: 'Stops letting fans in when the seats left cannot serve them, and tells the queue it is sold out.',
  },
];

export const browserTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

interface OnSaleFormProps {
  eventId: string;
  window?: AdminOnSaleWindow;
  pending: boolean;
  serverError: unknown;
  onSubmit: (submit: Submit) => void;
  onCancel?: () => void;
}

export const OnSaleForm = ({
  eventId,
  window,
  pending,
  serverError,
  onSubmit,
  onCancel,
}: OnSaleFormProps) => {
  const [state, setState] = useState<OnSaleFormState>(() =>
    window ? fromOnSaleWindow(window) : defaultOnSaleForm(Date.now()),
  );
  const [errors, setErrors] = useState<OnSaleFormErrors>({});
  const [shownServerError, setShownServerError] = useState<unknown>(null);
  if (serverError !== shownServerError) {
    setShownServerError(serverError);
    const fields = readAppError(serverError)?.fieldErrors;
    if (fields) setErrors(fromServerFieldErrors(fields));
  }
  const serverFields = readAppError(serverError)?.fieldErrors;
  const formMessage =
    errors.form ?? (serverError && !serverFields ? describeError(serverError) : null);
  const started = window !== undefined && window.status !== 'SCHEDULED';
  const locked = (field: OnSaleField) => started && LOCKED_ONCE_STARTED.includes(field);
  const set = <K extends OnSaleField>(key: K, value: OnSaleFormState[K]) => {
    setState((s) => withField(s, key, value));
    setErrors(({ [key]: _dropped, form: _form, ...rest }) => rest);
  };
  const text = (
    field: OnSaleField,
    label: string,
    hint?: string,
    extra: Record<string, unknown> = {},
  ) => (
    <TextField
      label={label}
      name={field}
      value={String(state[field])}
      onChange={(e) => set(field, e.target.value)}
      error={errors[field]}
      disabled={locked(field)}
      {...(hint !== undefined && {
        hint: locked(field) ? 'Fixed once the window has started.' : hint,
      })}
      {...extra}
    />
  );
  const number = { type: 'number', inputMode: 'numeric', min: 1 };
  return (
    <form
      noValidate
      aria-label={window ? `Edit ${window.name}` : 'Schedule a window'}
      className="space-y-5 rounded-2xl border border-slate-200 bg-white p-4 shadow-sm sm:p-6"
      onSubmit={(e) => {
        e.preventDefault();
        if (window) {
          const built = buildUpdateChanges(state, window);
          setErrors(built.errors ?? {});
          if (built.input) onSubmit({ kind: 'update', changes: built.input });
        } else {
          const built = buildScheduleInput(state, eventId);
          setErrors(built.errors ?? {});
          if (built.input) onSubmit({ kind: 'schedule', input: built.input });
        }
      }}
    >
      {(formMessage || Object.keys(errors).length > 0) && (
        <p role="alert" className="rounded-lg bg-red-50 px-3 py-2 text-sm text-red-800">
          {formMessage ?? 'Check the highlighted fields.'}
        </p>
      )}
      <div className="grid gap-4 sm:grid-cols-2">
        {text('name', 'Name', 'What admins see, e.g. “Fan club presale”.', { maxLength: 80 })}
        {text(
          'presaleCode',
          'Presale code (optional)',
          'Fans type it to buy; leave empty for a general sale.',
        )}
      </div>
      <fieldset className="space-y-3">
        <legend className="text-sm font-semibold text-slate-900">When</legend>
        <p className="text-xs text-slate-600">
          Times are in your browser’s time zone ({browserTimeZone()}).
        </p>
        <div className="grid gap-4 sm:grid-cols-2">
          {text('startsAt', 'Starts at', 'Now or later.', { type: 'datetime-local' })}
          {text('endsAt', 'Ends at', 'By the time the event starts.', { type: 'datetime-local' })}
        </div>
      </fieldset>
      <fieldset className="space-y-3">
        <legend className="text-sm font-semibold text-slate-900">Waiting room</legend>
        <label className="flex items-start gap-2 text-sm text-slate-800">
          <input
            type="checkbox"
            name="waitingRoomEnabled"
            className="mt-0.5 h-4 w-4"
            checked={state.waitingRoomEnabled}
            disabled={locked('waitingRoomEnabled')}
            onChange={(e) => set('waitingRoomEnabled', e.target.checked)}
          />
          <span>
            Queue fans in a waiting room and let them in gradually
            {errors.waitingRoomEnabled && (
              <span className="block text-red-700">{errors.waitingRoomEnabled}</span>
            )}
          </span>
        </label>
        {state.waitingRoomEnabled && (
          <div className="space-y-4 border-l-2 border-indigo-100 pl-3 sm:pl-4">
            {text(
              'preQueueOpensAt',
              'Pre-queue opens at (optional)',
              'Fans who join before the start are placed by a fair lottery.',
              { type: 'datetime-local' },
            )}
            <div role="radiogroup" aria-label="Admission mode" className="space-y-2">
              <p className="text-sm font-medium text-slate-800">Admission mode</p>
              {MODES.map((mode) => (
                <label key={mode.value} className="flex items-start gap-2 text-sm text-slate-800">
                  <input
                    type="radio"
                    name="admissionMode"
                    value={mode.value}
                    className="mt-0.5 h-4 w-4"
                    checked={state.admissionMode === mode.value}
                    onChange={() => set('admissionMode', mode.value)}
                  />
                  <span>
                    <span className="font-medium">{mode.label}</span>
                    <span className="block text-xs text-slate-600">{mode.help}</span>
                  </span>
                </label>
              ))}
            </div>
            <div className="grid gap-4 sm:grid-cols-2">
              {state.admissionMode !== 'CAP' &&
                text(
                  'admissionRatePerMinute',
                  state.admissionMode === 'PACE'
                    ? 'Fans let in per minute'
                    : 'Most fans let in per minute (optional)',
                  'Keep it within what checkout can serve.',
                  number,
                )}
              {state.admissionMode === 'CAP' &&
                text(
                  'maxActiveShoppers',
                  'Most shoppers at once',
                  'Fans choosing seats or paying at the same time.',
                  number,
                )}
              {text(
                'graceSeconds',
                'Absent fan grace (seconds)',
                'A fan whose page has been gone this long at the front is skipped, and keeps their place if back in time.',
                { ...number, min: 10, max: 3600 },
              )}
            </div>
          </div>
        )}
      </fieldset>
      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-3 text-sm font-semibold text-slate-900">Shoppers</legend>
        {text(
          'shopperSessionMinutes',
          'Shopper session (minutes)',
          'How long an admitted fan may shop: 1 to 60.',
          { ...number, max: 60 },
        )}
        {text(
          'perFanSeatLimit',
          'Seats per fan',
          'Most seats one fan may hold in this window: 1 to 20.',
          { ...number, max: 20 },
        )}
      </fieldset>
      <div className="flex flex-wrap justify-end gap-2">
        {onCancel && (
          <Button variant="secondary" onClick={onCancel} disabled={pending}>
            Close
          </Button>
        )}
        <Button type="submit" pending={pending}>
          {window ? 'Save changes' : 'Schedule window'}
        </Button>
      </div>
    </form>
  );
};

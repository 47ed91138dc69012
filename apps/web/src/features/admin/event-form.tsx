// Create or edit an event: details, venue, start time, image and a price per venue tier, with
// each error beside its field (checked here first, then by the server).
import type { AdminEventDetail, AdminVenueOption } from '@tessera/contracts/admin';
import { EVENT_CATEGORIES, type EventCategory } from '@tessera/contracts/catalog';
import { useId, useState, type ReactNode } from 'react';
import { Button } from '../../components/button.tsx';
import { ErrorState } from '../../components/error-state.tsx';
import { Skeleton } from '../../components/skeleton.tsx';
import { inputClasses, TextField } from '../../components/text-field.tsx';
import { describeError, readAppError } from '../../lib/app-error.ts';
import { formatPrice } from '../../lib/format.ts';
import { trpc } from '../../lib/trpc.ts';
import {
  buildEventInput,
  EMPTY_EVENT_FORM,
  fromEventDetail,
  fromServerFieldErrors,
  type EventFormState,
  type FormFieldErrors,
} from './event-form-model.ts';

const CATEGORY_LABEL: Record<EventCategory, string> = {
  CONCERT: 'Concert',
  SPORTS: 'Sports',
  THEATRE: 'Theatre',
  COMEDY: 'Comedy',
  FAMILY: 'Family',
  FESTIVAL: 'Festival',
};

const Field = ({
  label,
  error,
  children,
}: {
  label: string;
  error?: string | undefined;
  children: (props: { id: string; describedBy?: string; invalid: boolean }) => ReactNode;
}) => {
  const id = useId();
  return (
    <div>
      <label htmlFor={id} className="mb-1.5 block text-sm font-medium text-slate-800">
        {label}
      </label>
      {children({ id, describedBy: error ? `${id}-error` : undefined, invalid: Boolean(error) })}
      {error && (
        <p id={`${id}-error`} className="mt-1.5 text-sm text-red-700">
          {error}
        </p>
      )}
    </div>
  );
};

interface EventFormProps {
  event?: AdminEventDetail;
  pending: boolean;
  serverError: unknown;
  onSubmit: (input: NonNullable<ReturnType<typeof buildEventInput>['input']>) => void;
}

const PriceTable = ({
  venue,
  prices,
  errors,
  onChange,
}: {
  venue: AdminVenueOption;
  prices: Record<number, string>;
  errors: FormFieldErrors;
  onChange: (tierId: number, value: string) => void;
}) => (
  <fieldset className="rounded-xl border border-slate-200 p-4">
    <legend className="px-1 text-sm font-semibold text-slate-900">Prices per tier</legend>
    <p className="mb-3 text-xs text-slate-600">
      Leave a price empty to sell the tier at the venue&apos;s default price.
    </p>
    {venue.tiers.length === 0 && (
      <p className="text-sm text-slate-600">This venue has no price tiers.</p>
    )}
    <ul className="grid gap-3 sm:grid-cols-2">
      {venue.tiers.map((tier) => {
        const error = errors[`price-${tier.id}`];
        const id = `price-${tier.id}`;
        return (
          <li key={tier.id}>
            <label htmlFor={id} className="mb-1 flex items-center gap-2 text-sm text-slate-800">
              <span
                aria-hidden="true"
                className="h-3 w-3 rounded-full"
                style={{ backgroundColor: tier.color }}
              />
              {tier.name}
              <span className="text-xs text-slate-500">
                (default {formatPrice(tier.defaultPriceCents, 'EUR')})
              </span>
            </label>
            <div className="relative">
              <span className="pointer-events-none absolute top-2.5 left-3 text-sm text-slate-500">
                €
              </span>
              <input
                id={id}
                inputMode="decimal"
                value={prices[tier.id] ?? ''}
                placeholder={String(tier.defaultPriceCents / 100)}
                onChange={(e) => onChange(tier.id, e.target.value)}
                aria-invalid={error ? true : undefined}
                aria-describedby={error ? `${id}-error` : undefined}
                className={`${inputClasses(Boolean(error))} pl-7`}
              />
            </div>
            {error && (
              <p id={`${id}-error`} className="mt-1 text-sm text-red-700">
                {error}
              </p>
            )}
          </li>
        );
      })}
    </ul>
  </fieldset>
);

export const EventForm = ({ event, pending, serverError, onSubmit }: EventFormProps) => {
  const venues = trpc.admin.events.venues.useQuery(undefined, { staleTime: 60_000 });
  const [state, setState] = useState<EventFormState>(() =>
    event ? fromEventDetail(event) : EMPTY_EVENT_FORM,
  );
  const [localErrors, setLocalErrors] = useState<FormFieldErrors>({});
  const [tierOrder, setTierOrder] = useState<number[]>([]);
  const [shownServerError, setShownServerError] = useState<unknown>(null);
  if (serverError !== shownServerError) {
    setShownServerError(serverError);
    const fields = readAppError(serverError)?.fieldErrors;
    if (fields) setLocalErrors(fromServerFieldErrors(fields, tierOrder));
  }
  const serverFields = readAppError(serverError)?.fieldErrors;
  const formMessage = serverError && !serverFields ? describeError(serverError) : null;
  const venue = venues.data?.venues.find((v) => v.id === state.venueId);
  const set = <K extends keyof EventFormState>(key: K, value: EventFormState[K]) => {
    setState((s) => ({ ...s, [key]: value }));
    setLocalErrors(({ [key]: _dropped, ...rest }) => rest);
  };

  if (venues.isPending) return <Skeleton className="h-96 rounded-2xl" />;
  if (venues.isError)
    return (
      <ErrorState
        title="We could not load the venues"
        message={describeError(venues.error)}
        onRetry={() => void venues.refetch()}
      />
    );
  const lockedVenue = event !== undefined && event.status !== 'DRAFT';
  return (
    <form
      noValidate
      aria-label={event ? 'Edit event' : 'New event'}
      className="space-y-5 rounded-2xl border border-slate-200 bg-white p-4 shadow-sm sm:p-6"
      onSubmit={(e) => {
        e.preventDefault();
        const built = buildEventInput(state, venue?.tiers.map((t) => t.id) ?? []);
        setLocalErrors(built.errors);
        setTierOrder(built.tierOrder);
        if (built.input) onSubmit(built.input);
      }}
    >
      {formMessage && (
        <p role="alert" className="rounded-lg bg-red-50 px-3 py-2 text-sm text-red-800">
          {formMessage}
        </p>
      )}
      {Object.keys(localErrors).length > 0 && (
        <p role="alert" className="rounded-lg bg-red-50 px-3 py-2 text-sm text-red-800">
          Check the highlighted fields.
        </p>
      )}
      <TextField
        label="Title"
        name="title"
        value={state.title}
        maxLength={120}
        onChange={(e) => set('title', e.target.value)}
        error={localErrors.title}
      />
      <Field label="Description" error={localErrors.description}>
        {({ id, describedBy, invalid }) => (
          <textarea
            id={id}
            name="description"
            rows={4}
            value={state.description}
            maxLength={5000}
            onChange={(e) => set('description', e.target.value)}
            aria-invalid={invalid || undefined}
            aria-describedby={describedBy}
            className={inputClasses(invalid)}
          />
        )}
      </Field>
      <div className="grid gap-5 sm:grid-cols-2">
        <Field label="Category" error={localErrors.category}>
          {({ id, describedBy, invalid }) => (
            <select
              id={id}
              name="category"
              value={state.category}
              onChange={(e) => set('category', e.target.value as EventCategory)}
              aria-describedby={describedBy}
              className={inputClasses(invalid)}
            >
              {EVENT_CATEGORIES.map((c) => (
                <option key={c} value={c}>
                  {CATEGORY_LABEL[c]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Starts at" error={localErrors.startsAt}>
          {({ id, describedBy, invalid }) => (
            <input
              id={id}
              name="startsAt"
              type="datetime-local"
              value={state.startsAt}
              onChange={(e) => set('startsAt', e.target.value)}
              aria-invalid={invalid || undefined}
              aria-describedby={describedBy}
              className={inputClasses(invalid)}
            />
          )}
        </Field>
        <Field label="Venue" error={localErrors.venueId}>
          {({ id, describedBy, invalid }) => (
            <select
              id={id}
              name="venueId"
              value={state.venueId}
              disabled={lockedVenue}
              onChange={(e) => {
                const next = venues.data.venues.find((v) => v.id === e.target.value);
                setState((s) => ({
                  ...s,
                  venueId: e.target.value,
                  city: s.city || next?.city || '',
                  prices: {},
                }));
                setLocalErrors(({ venueId: _v, ...rest }) => rest);
              }}
              aria-invalid={invalid || undefined}
              aria-describedby={describedBy}
              className={inputClasses(invalid)}
            >
              <option value="">Choose a venue…</option>
              {venues.data.venues.map((v) => (
                <option key={v.id} value={v.id}>
                  {v.name} — {v.city} ({v.capacity} seats)
                </option>
              ))}
            </select>
          )}
        </Field>
        <TextField
          label="City"
          name="city"
          value={state.city}
          maxLength={100}
          onChange={(e) => set('city', e.target.value)}
          error={localErrors.city}
        />
      </div>
      <TextField
        label="Image URL (optional)"
        name="imageUrl"
        type="url"
        value={state.imageUrl}
        placeholder="https://…"
        onChange={(e) => set('imageUrl', e.target.value)}
        error={localErrors.imageUrl}
      />
      {venue && (
        <PriceTable
          venue={venue}
          prices={state.prices}
          errors={localErrors}
          onChange={(tierId, value) => {
            setState((s) => ({ ...s, prices: { ...s.prices, [tierId]: value } }));
            setLocalErrors(({ [`price-${tierId}`]: _p, ...rest }) => rest);
          }}
        />
      )}
      <div className="flex justify-end">
        <Button type="submit" pending={pending}>
          {event ? 'Save changes' : 'Create draft'}
        </Button>
      </div>
    </form>
  );
};

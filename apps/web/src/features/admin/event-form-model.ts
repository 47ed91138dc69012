// The event form's state and its translation to admin.events.create/update input: prices typed
// as money ("75" or "75.50") per venue tier, empty meaning the venue's default; the start time
// as the browser's local date-time. Errors are keyed by form field ("title", "price-12").
import {
  ZAdminEventInput,
  type AdminEventDetail,
  type AdminEventInput,
} from '@tessera/contracts/admin';
import type { EventCategory } from '@tessera/contracts/catalog';

export interface EventFormState {
  title: string;
  description: string;
  category: EventCategory;
  city: string;
  venueId: string;
  /** `YYYY-MM-DDTHH:mm` in the browser's time zone (a datetime-local value). */
  startsAt: string;
  imageUrl: string;
  /** Price per tier id as typed; '' sells the tier at the venue default. */
  prices: Record<number, string>;
}

export const EMPTY_EVENT_FORM: EventFormState = {
  title: '',
  description: '',
  category: 'CONCERT',
  city: '',
  venueId: '',
  startsAt: '',
  imageUrl: '',
  prices: {},
};

const pad = (n: number) => String(n).padStart(2, '0');

export const toLocalInput = (iso: string): string => {
  const d = new Date(iso);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
};

export const formatMoneyInput = (cents: number) =>
  cents % 100 === 0 ? String(cents / 100) : (cents / 100).toFixed(2);

/** "75" -> 7500, "75.5" -> 7550; null when it is not an amount. */
export const parseMoney = (text: string): number | null => {
  const match = /^\s*(\d{1,6})(?:[.,](\d{1,2}))?\s*$/.exec(text);
  if (!match) return null;
  return Number(match[1]) * 100 + Number((match[2] ?? '0').padEnd(2, '0'));
};

export const fromEventDetail = (event: AdminEventDetail): EventFormState => ({
  title: event.title,
  description: event.description,
  category: event.category,
  city: event.city,
  venueId: event.venue.id,
  startsAt: toLocalInput(event.startsAt),
  imageUrl: event.imageUrl ?? '',
  prices: Object.fromEntries(
    event.prices
      .filter((p) => p.priceCents !== null)
      .map((p) => [p.priceTierId, formatMoneyInput(p.priceCents!)]),
  ),
});

export type FormFieldErrors = Record<string, string>;

export interface BuiltInput {
  input: AdminEventInput | null;
  errors: FormFieldErrors;
  /** Tier id of each entry of `input.prices`, to place the server's "prices.N..." errors. */
  tierOrder: number[];
}

/** The request for the API, or the errors to show beside the fields. */
export const buildEventInput = (state: EventFormState, tierIds: number[]): BuiltInput => {
  const errors: FormFieldErrors = {};
  const prices: AdminEventInput['prices'] = [];
  const tierOrder: number[] = [];
  for (const tierId of tierIds) {
    const text = state.prices[tierId]?.trim() ?? '';
    if (text === '') continue;
    const cents = parseMoney(text);
    if (cents === null) errors[`price-${tierId}`] = 'Enter an amount like 45 or 45.50.';
    else {
      prices.push({ priceTierId: tierId, priceCents: cents });
      tierOrder.push(tierId);
    }
  }
  const startsAt = state.startsAt ? new Date(state.startsAt) : null;
  if (!startsAt || Number.isNaN(startsAt.getTime())) errors.startsAt = 'Enter a start time.';
  const input: AdminEventInput = {
    title: state.title,
    description: state.description,
    category: state.category,
    city: state.city,
    venueId: state.venueId,
    startsAt: startsAt && !errors.startsAt ? startsAt.toISOString() : '',
    imageUrl: state.imageUrl,
    prices,
  };
  const parsed = ZAdminEventInput.safeParse(input);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = fieldKey(issue.path.map(String), tierOrder);
      errors[key] ??= issue.message;
    }
  }
  return { input: Object.keys(errors).length > 0 ? null : input, errors, tierOrder };
};

/** "prices.2.priceCents" -> "price-<tier id>"; other paths keep their first segment. */
export const fieldKey = (path: string[], tierOrder: number[]): string => {
  if (path[0] === 'prices' && path[1] !== undefined) {
    const tierId = tierOrder[Number(path[1])];
    if (tierId !== undefined) return `price-${tierId}`;
  }
  return path[0] ?? 'form';
};

/** Server field errors ("prices.0.priceTierId", "venueId") keyed like the form's fields. */
export const fromServerFieldErrors = (
  fieldErrors: Record<string, string>,
  tierOrder: number[],
): FormFieldErrors => {
  const errors: FormFieldErrors = {};
  for (const [path, message] of Object.entries(fieldErrors)) {
    errors[fieldKey(path.split('.'), tierOrder)] ??= message;
  }
  return errors;
};

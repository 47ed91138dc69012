// The on-sale window form's state and its translation to admin.onSales.schedule / update input.
// Times are typed as datetime-local values in the browser's time zone; numbers as typed text.
// Errors are keyed by form field (the contract's names, except the session length in minutes).
import {
  ZScheduleOnSaleRequest,
  type AdminOnSaleWindow,
  type AdmissionMode,
  type ScheduleOnSaleRequest,
  type UpdateOnSaleRequest,
} from '@tessera/contracts/on-sales';

export interface OnSaleFormState {
  name: string;
  /** `YYYY-MM-DDTHH:mm` in the browser's time zone. */
  startsAt: string;
  endsAt: string;
  presaleCode: string;
  waitingRoomEnabled: boolean;
  preQueueOpensAt: string;
  admissionMode: AdmissionMode;
  admissionRatePerMinute: string;
  maxActiveShoppers: string;
  shopperSessionMinutes: string;
  perFanSeatLimit: string;
  /** Seconds an absent fan at the head of the queue is waited for before being skipped. */
  graceSeconds: string;
}

export type OnSaleField = keyof OnSaleFormState;
export type OnSaleFormErrors = Partial<Record<OnSaleField | 'form', string>>;

/** Settings that cannot change once a window has started (mirrors the server's rule). */
export const LOCKED_ONCE_STARTED: readonly OnSaleField[] = [
  'startsAt',
  'preQueueOpensAt',
  'waitingRoomEnabled',
];

const pad = (n: number) => String(n).padStart(2, '0');
const HOUR_MS = 3_600_000;

export const toLocalInput = (ms: number): string => {
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
};

/** A datetime-local value read in the browser's time zone; null when empty or not a date. */
export const parseLocalInput = (value: string): Date | null => {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value)) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
};

/** A general sale with a paced waiting room, starting at the next full hour for two hours. */
export const defaultOnSaleForm = (nowMs: number): OnSaleFormState => {
  const start = Math.ceil((nowMs + 1) / HOUR_MS) * HOUR_MS;
  return {
    name: 'General sale',
    startsAt: toLocalInput(start),
    endsAt: toLocalInput(start + 2 * HOUR_MS),
    presaleCode: '',
    waitingRoomEnabled: true,
    preQueueOpensAt: toLocalInput(start - HOUR_MS / 2),
    admissionMode: 'PACE',
    admissionRatePerMinute: '300',
    maxActiveShoppers: '',
    shopperSessionMinutes: '10',
    perFanSeatLimit: '6',
    graceSeconds: '60',
  };
};

/**
 * Sets one field. A new start carries along the pre-queue and the end while they still sit at their
 * default distance from the old start (30 minutes before, two hours after), so an admin who only moves
 * the start does not get a pre-queue after it; times the admin chose stay where they are.
 */
export const withField = <K extends keyof OnSaleFormState>(
  state: OnSaleFormState,
  key: K,
  value: OnSaleFormState[K],
): OnSaleFormState => {
  const next = { ...state, [key]: value };
  if (key !== 'startsAt') return next;
  const oldStart = parseLocalInput(state.startsAt)?.getTime();
  const newStart = parseLocalInput(String(value))?.getTime();
  if (oldStart === undefined || newStart === undefined) return next;
  if (state.preQueueOpensAt === toLocalInput(oldStart - HOUR_MS / 2))
    next.preQueueOpensAt = toLocalInput(newStart - HOUR_MS / 2);
  if (state.endsAt === toLocalInput(oldStart + 2 * HOUR_MS))
    next.endsAt = toLocalInput(newStart + 2 * HOUR_MS);
  return next;
};

export const fromOnSaleWindow = (w: AdminOnSaleWindow): OnSaleFormState => ({
  name: w.name,
  startsAt: toLocalInput(Date.parse(w.startsAt)),
  endsAt: toLocalInput(Date.parse(w.endsAt)),
  presaleCode: w.presaleCode ?? '',
  waitingRoomEnabled: w.waitingRoomEnabled,
  preQueueOpensAt: w.preQueueOpensAt ? toLocalInput(Date.parse(w.preQueueOpensAt)) : '',
  admissionMode: w.admissionMode,
  admissionRatePerMinute: w.admissionRatePerMinute?.toString() ?? '',
  maxActiveShoppers: w.maxActiveShoppers?.toString() ?? '',
  shopperSessionMinutes: String(Math.round(w.shopperSessionSeconds / 60)),
  perFanSeatLimit: String(w.perFanSeatLimit),
  graceSeconds: String(w.graceSeconds),
});

const FORM_FIELDS = new Set<string>(Object.keys(defaultOnSaleForm(0)));

/** Contract field (possibly nested: "changes.endsAt") -> the form field showing it. */
export const formFieldOf = (path: string): OnSaleField | 'form' => {
  const name = path.split('.').filter((part) => part !== 'changes')[0] ?? '';
  if (name === 'shopperSessionSeconds') return 'shopperSessionMinutes';
  return FORM_FIELDS.has(name) ? (name as OnSaleField) : 'form';
};

export const fromServerFieldErrors = (fieldErrors: Record<string, string>): OnSaleFormErrors => {
  const errors: OnSaleFormErrors = {};
  for (const [path, message] of Object.entries(fieldErrors)) errors[formFieldOf(path)] ??= message;
  return errors;
};

type Built<T> = { input: T; errors: null } | { input: null; errors: OnSaleFormErrors };

const readWhole = (
  text: string,
  field: OnSaleField,
  errors: OnSaleFormErrors,
): number | null | undefined => {
  if (text.trim() === '') return null;
  if (!/^\s*\d+\s*$/.test(text)) {
    errors[field] = 'Enter a whole number.';
    return undefined;
  }
  return Number(text);
};

/** The schedule request for the form as typed, or the errors to show beside its fields. */
export const buildScheduleInput = (
  state: OnSaleFormState,
  eventId: string,
): Built<ScheduleOnSaleRequest> => {
  const errors: OnSaleFormErrors = {};
  const time = (field: 'startsAt' | 'endsAt' | 'preQueueOpensAt', optional: boolean) => {
    const value = state[field];
    if (optional && value === '') return null;
    const date = parseLocalInput(value);
    if (!date) errors[field] = 'Enter a date and time.';
    return date?.toISOString() ?? null;
  };
  const startsAt = time('startsAt', false);
  const endsAt = time('endsAt', false);
  const preQueueOpensAt = state.waitingRoomEnabled ? time('preQueueOpensAt', true) : null;
  const room = state.waitingRoomEnabled;
  const mode = state.admissionMode;
  const rate = readWhole(state.admissionRatePerMinute, 'admissionRatePerMinute', errors);
  const cap = readWhole(state.maxActiveShoppers, 'maxActiveShoppers', errors);
  const minutes = readWhole(state.shopperSessionMinutes, 'shopperSessionMinutes', errors);
  const limit = readWhole(state.perFanSeatLimit, 'perFanSeatLimit', errors);
  const grace = readWhole(state.graceSeconds, 'graceSeconds', errors);
  if (grace === null) errors.graceSeconds = 'Enter the seconds to wait for an absent fan.';
  if (minutes === null) errors.shopperSessionMinutes = 'Enter the shopper session length.';
  if (limit === null) errors.perFanSeatLimit = 'Enter how many seats a fan may hold.';
  const input: ScheduleOnSaleRequest = {
    eventId,
    name: state.name,
    startsAt: startsAt ?? '',
    endsAt: endsAt ?? '',
    presaleCode: state.presaleCode.trim() === '' ? null : state.presaleCode.trim(),
    waitingRoomEnabled: room,
    preQueueOpensAt,
    admissionMode: mode,
    admissionRatePerMinute: room && mode !== 'CAP' ? (rate ?? null) : null,
    maxActiveShoppers: room && mode === 'CAP' ? (cap ?? null) : null,
    shopperSessionSeconds: (minutes ?? 0) * 60,
    perFanSeatLimit: limit ?? 0,
    graceSeconds: grace ?? 0,
  };
  const parsed = ZScheduleOnSaleRequest.safeParse(input);
  if (!parsed.success)
    for (const issue of parsed.error.issues) {
      const field = formFieldOf(issue.path.map(String).join('.'));
      errors[field] ??= issue.message;
    }
  return Object.keys(errors).length > 0 ? { input: null, errors } : { input, errors: null };
};

type OnSaleChanges = UpdateOnSaleRequest['changes'];
const TIME_KEYS = new Set(['startsAt', 'endsAt', 'preQueueOpensAt']);

const sameSetting = (key: string, a: unknown, b: unknown) =>
  TIME_KEYS.has(key) && typeof a === 'string' && typeof b === 'string'
    ? Date.parse(a) === Date.parse(b)
    : a === b;

/**
 * The changes to send for an edited window: only what differs from it, never a field locked
 * once it has started. Times are compared to the minute the form shows.
 */
export const buildUpdateChanges = (
  state: OnSaleFormState,
  window: AdminOnSaleWindow,
): Built<OnSaleChanges> => {
  const built = buildScheduleInput(state, window.eventId);
  if (!built.input) return built;
  const { eventId: _eventId, ...next } = built.input;
  const before = buildScheduleInput(fromOnSaleWindow(window), window.eventId).input;
  const started = window.status !== 'SCHEDULED';
  const changes: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(next)) {
    const field = formFieldOf(key);
    if (started && field !== 'form' && LOCKED_ONCE_STARTED.includes(field)) continue;
    const old = before ? (before as Record<string, unknown>)[key] : undefined;
    if (!sameSetting(key, value, old)) changes[key] = value;
  }
  if (Object.keys(changes).length === 0)
    return { input: null, errors: { form: 'Nothing changed: edit a setting first.' } };
  return { input: changes as OnSaleChanges, errors: null };
};

// Locale-aware formatting of prices and dates; the locale defaults to the user's browser.
export interface FormatOptions {
  locale?: string;
  timeZone?: string;
}

export const formatPrice = (cents: number, currency: string, { locale }: FormatOptions = {}) => {
  const whole = cents % 100 === 0;
  return new Intl.NumberFormat(locale, {
    style: 'currency',
    currency,
    minimumFractionDigits: whole ? 0 : 2,
    maximumFractionDigits: 2,
  }).format(cents / 100);
};

export const formatEventDate = (iso: string, { locale, timeZone }: FormatOptions = {}) =>
  new Intl.DateTimeFormat(locale, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone,
  }).format(new Date(iso));

export const formatShortDate = (iso: string, { locale, timeZone }: FormatOptions = {}) =>
  new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', timeZone }).format(
    new Date(iso),
  );

export const formatCount = (value: number, { locale }: FormatOptions = {}) =>
  new Intl.NumberFormat(locale).format(value);

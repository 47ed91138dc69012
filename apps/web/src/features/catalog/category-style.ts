// How each event category is named and coloured across the catalog.
import type { EventCategory } from '@tessera/contracts/catalog';

interface CategoryStyle {
  label: string;
  /** Tailwind classes for the card banner (a gradient that reads well behind white text). */
  banner: string;
}

export const CATEGORY_STYLE: Record<EventCategory, CategoryStyle> = {
  CONCERT: { label: 'Concert', banner: 'from-indigo-600 via-violet-600 to-fuchsia-600' },
  SPORTS: { label: 'Sports', banner: 'from-emerald-600 via-teal-600 to-cyan-700' },
  THEATRE: { label: 'Theatre', banner: 'from-rose-600 via-red-600 to-orange-600' },
  COMEDY: { label: 'Comedy', banner: 'from-amber-500 via-orange-500 to-rose-500' },
  FAMILY: { label: 'Family', banner: 'from-sky-500 via-blue-600 to-indigo-600' },
  FESTIVAL: { label: 'Festival', banner: 'from-fuchsia-600 via-pink-600 to-orange-500' },
};

/** A faint grid of "seats" over the banner gradient. */
export const SEAT_DOTS =
  'pointer-events-none absolute inset-0 bg-[radial-gradient(circle,rgba(255,255,255,0.22)_1.6px,transparent_1.8px)] bg-[length:14px_14px] [mask-image:linear-gradient(to_left,black,transparent_75%)]';

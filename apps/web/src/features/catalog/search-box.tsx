// The big search input; commits to the URL as the user pauses typing, or at once on Enter.
import type { FormEvent } from 'react';
import { inputClasses } from '../../components/text-field.tsx';
import { useDraft } from './use-draft.ts';

interface SearchBoxProps {
  value: string;
  onCommit: (value: string) => void;
}

export const SearchBox = ({ value, onCommit }: SearchBoxProps) => {
  const [draft, setDraft] = useDraft(value, onCommit);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    onCommit(draft);
  };
  return (
    <form role="search" onSubmit={onSubmit} className="relative">
      <label htmlFor="event-search" className="sr-only">
        Search events
      </label>
      <svg
        aria-hidden="true"
        viewBox="0 0 20 20"
        className="pointer-events-none absolute top-1/2 left-3.5 h-5 w-5 -translate-y-1/2 fill-slate-400"
      >
        <path d="M8.5 3a5.5 5.5 0 0 1 4.38 8.83l3.65 3.64a.75.75 0 1 1-1.06 1.06l-3.64-3.65A5.5 5.5 0 1 1 8.5 3Zm0 1.5a4 4 0 1 0 0 8 4 4 0 0 0 0-8Z" />
      </svg>
      <input
        id="event-search"
        type="search"
        name="q"
        value={draft}
        maxLength={100}
        onChange={(e) => setDraft(e.target.value)}
        placeholder="Search events, artists, venues or cities"
        autoComplete="off"
        className={`${inputClasses(false)} py-3 pl-11 text-base`}
      />
    </form>
  );
};

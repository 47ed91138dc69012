// A text input's draft value that commits to the URL after the user pauses typing.
import { useEffect, useRef, useState } from 'react';

export const DEBOUNCE_MS = 300;

/**
 * `committed` is the value in the URL. The draft follows it when it changes from outside (back
 * button, "Clear filters") but not when it is our own commit echoing back trimmed.
 */
export const useDraft = (
  committed: string,
  commit: (value: string) => void,
  delayMs = DEBOUNCE_MS,
) => {
  const [draft, setDraft] = useState(committed);
  const [seen, setSeen] = useState(committed);
  // The latest commit callback, so a parent re-render does not restart the pause timer.
  const commitRef = useRef(commit);
  useEffect(() => {
    commitRef.current = commit;
  });
  if (committed !== seen) {
    setSeen(committed);
    if (committed !== draft.trim()) setDraft(committed);
  }
  useEffect(() => {
    if (draft.trim() === committed) return;
    const timer = setTimeout(() => commitRef.current(draft), delayMs);
    return () => clearTimeout(timer);
  }, [draft, committed, delayMs]);
  return [draft, setDraft] as const;
};

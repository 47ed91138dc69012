// The seat selection, kept in sessionStorage per event so it survives the trip to sign in.
import { useEffect, useState } from 'react';

const keyOf = (eventId: string) => `tessera:selection:${eventId}`;

const read = (eventId: string): number[] => {
  try {
    const parsed: unknown = JSON.parse(sessionStorage.getItem(keyOf(eventId)) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter((id) => Number.isInteger(id)) : [];
  } catch {
    return [];
  }
};

export const useStoredSelection = (eventId: string) => {
  const [selection, setSelection] = useState<number[]>(() => read(eventId));
  useEffect(() => {
    try {
      if (selection.length === 0) sessionStorage.removeItem(keyOf(eventId));
      else sessionStorage.setItem(keyOf(eventId), JSON.stringify(selection));
    } catch {
      // Storage may be full or disabled (private mode); the selection then lives in memory only.
    }
  }, [eventId, selection]);
  return [selection, setSelection] as const;
};

// Router state a result card hands to the event page, so "Back to results" keeps the filters.
export interface BackState {
  backTo: string;
}

/** The list URL to return to; only our own event list, whatever the history state holds. */
export const readBackTo = (state: unknown): string => {
  const backTo = (state as Partial<BackState> | null)?.backTo;
  return typeof backTo === 'string' && /^\/events(\?|$)/.test(backTo) ? backTo : '/events';
};

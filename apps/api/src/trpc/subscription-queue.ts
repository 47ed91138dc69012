// Buffers a subscription's messages until its generator asks; abort ends the wait.
export const createSubscriptionQueue = <T>(
  signal: AbortSignal | undefined,
  options: {
    /** Messages with the same key replace a queued one (a slow client only gets the latest). */
    keyOf?: (item: T) => string;
  } = {},
) => {
  const items: T[] = [];
  let wake: (() => void) | undefined;
  // One listener per subscription (not per wait), so long-lived streams do not pile them up.
  signal?.addEventListener('abort', () => wake?.(), { once: true });
  return {
    get size() {
      return items.length;
    },
    push(item: T) {
      const key = options.keyOf?.(item);
      const queued = key === undefined ? -1 : items.findIndex((q) => options.keyOf!(q) === key);
      if (queued >= 0) items[queued] = item;
      else items.push(item);
      wake?.();
    },
    /** The next message, or undefined once the signal aborts. */
    async next(): Promise<T | undefined> {
      while (items.length === 0 && !signal?.aborted) {
        await new Promise<void>((resolve) => (wake = resolve));
        wake = undefined;
      }
      return signal?.aborted ? undefined : items.shift();
    },
  };
};

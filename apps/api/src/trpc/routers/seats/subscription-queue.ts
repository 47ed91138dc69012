// Buffers hub deltas for one subscriber until its generator asks; abort ends the wait.
import type { HubDelta } from '@tessera/core/seat-stream/stream-changes';

export const createDeltaQueue = (signal: AbortSignal | undefined) => {
  const items: HubDelta[] = [];
  let wake: (() => void) | undefined;
  // One listener per subscription (not per wait), so long-lived streams do not pile them up.
  signal?.addEventListener('abort', () => wake?.(), { once: true });
  return {
    push(delta: HubDelta) {
      items.push(delta);
      wake?.();
    },
    /** The next delta, or undefined once the signal aborts. */
    async next(): Promise<HubDelta | undefined> {
      while (items.length === 0 && !signal?.aborted) {
        await new Promise<void>((resolve) => (wake = resolve));
        wake = undefined;
      }
      return signal?.aborted ? undefined : items.shift();
    },
  };
};

// Subscribes the event list to seats.onAvailability for the events on screen (in groups of at
// most 50, one subscription each) and returns the latest counts per event.
import { MAX_AVAILABILITY_EVENTS } from '@tessera/contracts/seats';
import { useEffect, useState } from 'react';
import { trpc } from '../../lib/trpc.ts';
import { chunkEventIds, mergeAvailability, type AvailabilityByEvent } from './live-availability.ts';

/** After a subscription fails outright; the list keeps its last counts meanwhile. */
const RETRY_MS = 5_000;

export const useLiveAvailability = (eventIds: string[]): AvailabilityByEvent => {
  const utils = trpc.useUtils();
  const [byEvent, setByEvent] = useState<AvailabilityByEvent>(() => new Map());
  const [attempt, setAttempt] = useState(0);
  // One key per set of events, so re-renders and reordering keep the same subscriptions.
  const key = chunkEventIds(eventIds, MAX_AVAILABILITY_EVENTS)
    .map((chunk) => chunk.join(','))
    .join(';');

  useEffect(() => {
    if (!key) return;
    let retry: ReturnType<typeof setTimeout> | undefined;
    const subscriptions = key.split(';').map((chunk) =>
      utils.client.seats.onAvailability.subscribe(
        { eventIds: chunk.split(',') },
        {
          onData: (message) => setByEvent((current) => mergeAvailability(current, message)),
          onError: () => {
            clearTimeout(retry);
            retry = setTimeout(() => setAttempt((n) => n + 1), RETRY_MS);
          },
        },
      ),
    );
    return () => {
      clearTimeout(retry);
      for (const subscription of subscriptions) subscription.unsubscribe();
    };
  }, [utils, key, attempt]);

  return byEvent;
};

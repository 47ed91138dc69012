// Live seats-left per event for the event list: seats.onAvailability messages merged by event,
// keeping the newest version of each (messages are whole tier lists, not increments).
import type { EventAvailability } from '@tessera/contracts/seats';

export type AvailabilityByEvent = ReadonlyMap<string, EventAvailability>;

/** The map with `message` in it, or the same map when the message is older than what it holds. */
export const mergeAvailability = (
  current: AvailabilityByEvent,
  message: EventAvailability,
): AvailabilityByEvent => {
  const known = current.get(message.eventId);
  if (known && known.version > message.version) return current;
  const next = new Map(current);
  next.set(message.eventId, message);
  return next;
};

/** Event ids split into subscriptions the server accepts (it takes at most `size` per call). */
export const chunkEventIds = (eventIds: string[], size: number): string[][] => {
  const unique = [...new Set(eventIds)].sort();
  const chunks: string[][] = [];
  for (let i = 0; i < unique.length; i += size) chunks.push(unique.slice(i, i + size));
  return chunks;
};

export const seatsAvailable = (availability: EventAvailability) =>
  availability.tiers.reduce((sum, tier) => sum + tier.available, 0);

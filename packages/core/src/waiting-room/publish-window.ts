// Mirrors one on-sale window from Postgres into Redis: the window's config hash and the event's
// gate entry the hold scripts read. Called after every admin write (lane API) and by the
// scheduler; idempotent, never touches the queue or live counters.
import type { WindowAdminOptions } from './waiting-room-options.ts';

export const publishWindow = async (_options: WindowAdminOptions): Promise<void> => {
  throw new Error('not yet');
};

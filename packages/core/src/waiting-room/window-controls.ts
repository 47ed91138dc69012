// Admin controls: pause (admissions stop, places and admitted sessions are kept), resume, end.
// Postgres status first, then Redis (publishWindow), so Redis never says more than Postgres.
import type { WindowAdminOptions } from './waiting-room-options.ts';

export const pauseWindow = async (_options: WindowAdminOptions): Promise<void> => {
  throw new Error('not yet');
};

export const resumeWindow = async (_options: WindowAdminOptions): Promise<void> => {
  throw new Error('not yet');
};

export const endWindow = async (_options: WindowAdminOptions): Promise<void> => {
  throw new Error('not yet');
};

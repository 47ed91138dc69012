// Per-window metrics from Redis (admin dashboard, /metrics).
import type { WindowStats } from '@tessera/contracts/waiting-room';
import type { WindowStoreOptions } from './waiting-room-options.ts';

export const readWindowStats = async (_options: WindowStoreOptions): Promise<WindowStats> => {
  throw new Error('not yet');
};

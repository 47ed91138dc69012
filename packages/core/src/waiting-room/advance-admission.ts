// One admission step for a window (the worker runs it about every second): admits the next fans
// by the window's mode, atomically in one Lua script, so two concurrent callers never admit
// anyone twice or skip anyone.
import type { WindowStoreOptions } from './waiting-room-options.ts';

export interface AdvanceAdmissionResult {
  admitted: number;
  /** Fans passed over this step because they were away (last seen longer ago than the grace). */
  skipped: number;
  soldOut: boolean;
}

export const advanceAdmission = async (
  _options: WindowStoreOptions,
): Promise<AdvanceAdmissionResult> => {
  throw new Error('not yet');
};

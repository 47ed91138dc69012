// Holds chosen seats for a fan, all or none, through the hold-9 script.
import { assertScriptSucceeded } from './hold-refusal.ts';
import {
  holdRulesArgv,
  newHoldId,
  type HoldResult,
  type HoldRulesOptions,
} from './hold-options.ts';
import { eventKeys } from './keys.ts';
import { holdCommands } from './lua-scripts.ts';
import { eventGateKeys } from '../waiting-room/keys.ts';

export interface HoldSeatsOptions extends HoldRulesOptions {
  seatIds: number[];
}

export const holdSeats = async (options: HoldSeatsOptions): Promise<HoldResult> => {
  const { redis, seatIds } = options;
  if (seatIds.length === 0 || new Set(seatIds).size !== seatIds.length) {
    throw new RangeError('seatIds must be a non-empty list without duplicates');
  }
  const holdId = options.holdId ?? newHoldId();
  const k = eventKeys(options);
  const gate = eventGateKeys(options);
  const reply = assertScriptSucceeded(
    await holdCommands(redis).tesseraHold_v2(
      k.meta,
      k.seats,
      k.expiry,
      k.holds,
      k.users,
      k.layout,
      k.stream,
      gate.gate,
      gate.consumed,
      ...holdRulesArgv({ ...options, holdId }),
      ...seatIds.map(String),
    ),
  );
  return { holdId, version: Number(reply[0]), expiresAt: Number(reply[1]), seatIds };
};

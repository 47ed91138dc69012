// Best available: holds `quantity` adjacent seats in the best row (optionally of one price tier).
import { assertScriptSucceeded } from './hold-refusal.ts';
import {
  holdRulesArgv,
  newHoldId,
  positiveInteger,
  type HoldResult,
  type HoldRulesOptions,
} from './hold-options.ts';
import { eventKeys } from './keys.ts';
import { holdCommands } from './lua-scripts.ts';
import { eventGateKeys } from '../waiting-room/keys.ts';

export interface HoldBestAvailableOptions extends HoldRulesOptions {
  quantity: number;
  priceTierId?: number;
}

export const holdBestAvailable = async (options: HoldBestAvailableOptions): Promise<HoldResult> => {
  positiveInteger('quantity', options.quantity);
  const holdId = options.holdId ?? newHoldId();
  const k = eventKeys(options);
  const gate = eventGateKeys(options);
  const reply = assertScriptSucceeded(
    await holdCommands(options.redis).tesseraHoldBest_v2(
      k.meta,
      k.seats,
      k.expiry,
      k.holds,
      k.users,
      k.layout,
      k.stream,
      k.rows,
      k.rank,
      gate.gate,
      gate.consumed,
      ...holdRulesArgv({ ...options, holdId }),
      String(options.quantity),
      options.priceTierId === undefined ? '' : String(options.priceTierId),
    ),
  );
  return {
    holdId,
    version: Number(reply[0]),
    expiresAt: Number(reply[1]),
    seatIds: reply.slice(2).map(Number),
  };
};

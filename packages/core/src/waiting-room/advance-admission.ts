// One admission step for a window (the worker runs it about every second): admits the next fans
// by the window's mode, atomically in one Lua script (lua/advance-12.lua), so two concurrent
// callers never admit anyone twice or skip anyone. INVENTORY mode first counts, in the event's
// slot, what the seats can still serve and passes it in as a cap on active shoppers.
import { eventKeys } from '../holds/keys.ts';
import { windowKeys } from './keys.ts';
import { windowCommands, windowKeyList } from './lua-scripts.ts';
import { nowArg, type WindowStoreOptions } from './waiting-room-options.ts';

export interface AdvanceAdmissionResult {
  admitted: number;
  /** Fans passed over this step because they were away (last seen longer ago than the grace). */
  skipped: number;
  soldOut: boolean;
  /** The passes this step issued (the worker mirrors them to Postgres). */
  passes: AdmissionPass[];
}

export interface AdmissionPass {
  userId: string;
  /** The pass id carried in the fan's admission token. */
  jti: number;
  admittedAt: number;
  expiresAt: number;
}

export interface AdvanceAdmissionOptions extends WindowStoreOptions {
  /** Most fans looked at in one step (admitted + skipped); bounds the script's run time. */
  maxLook?: number;
  /** Recent waits and ETA errors kept for percentiles. */
  keepSamples?: number;
  /** INVENTORY: holds expiring within this many ms count as seats coming back. */
  inventoryHorizonMs?: number;
}

export interface InventoryVerdict {
  /** Cap on active shoppers the seats can serve right now. */
  activeCap: number;
  soldOut: boolean;
}

/**
 * Each fan may take up to perFanSeatLimit seats (a deliberately cautious assumption): the fans
 * the free and soon-free seats can serve, minus admitted fans who hold nothing yet (they still
 * want seats); shoppers already holding keep their place. Sold out once no seat is free and no
 * hold is left that could come back.
 */
export const judgeInventory = (counts: {
  free: number;
  freeingSoon: number;
  heldLater: number;
  active: number;
  withoutHold: number;
  perFan: number;
}): InventoryVerdict => {
  const servable = Math.ceil((counts.free + counts.freeingSoon) / counts.perFan);
  const soldOut = counts.free === 0 && counts.freeingSoon === 0 && counts.heldLater === 0;
  // Shoppers with a hold already have their seats out of `free`: they stay within the cap.
  return { activeCap: servable + (counts.active - counts.withoutHold), soldOut };
};

const readInventory = async (
  options: AdvanceAdmissionOptions & { eventId: string; perFan: number },
): Promise<InventoryVerdict> => {
  const { redis } = options;
  const keys = windowKeys(options);
  const now = options.nowMs ?? Date.now();
  const active = await redis.zrangebyscore(keys.active, `(${now}`, '+inf');
  const ev = eventKeys({ prefix: options.prefix, eventId: options.eventId });
  const reply = (await windowCommands(redis).tesseraWrInventory_v1(
    ev.seats,
    ev.users,
    ev.holds,
    nowArg(options.nowMs),
    String(options.inventoryHorizonMs ?? 120_000),
    ...active,
  )) as number[];
  const [free, freeingSoon, heldLater, withoutHold] = reply.map(Number) as [
    number,
    number,
    number,
    number,
  ];
  return judgeInventory({
    free,
    freeingSoon,
    heldLater,
    active: active.length,
    withoutHold,
    perFan: options.perFan,
  });
};

export const advanceAdmission = async (
  options: AdvanceAdmissionOptions,
): Promise<AdvanceAdmissionResult> => {
  const { redis } = options;
  const keys = windowKeys(options);
  const [mode, eventId, perFan, status] = await redis.hmget(
    keys.config,
    'mode',
    'eventId',
    'perFan',
    'status',
  );
  let soldOutArg = '';
  let inventoryCap = '';
  if (mode === 'INVENTORY' && eventId && status === 'OPEN') {
    const verdict = await readInventory({ ...options, eventId, perFan: Number(perFan ?? 1) });
    soldOutArg = verdict.soldOut ? '1' : '';
    inventoryCap = String(verdict.activeCap);
  }
  const reply = (await windowCommands(redis).tesseraWrAdvance_v2(
    ...windowKeyList(keys),
    nowArg(options.nowMs),
    soldOutArg,
    inventoryCap,
    String(options.maxLook ?? 2_000),
    String(options.keepSamples ?? 10_000),
  )) as Array<number | string>;
  if (Number(reply[0]) < 0) return { admitted: 0, skipped: 0, soldOut: false, passes: [] };
  const [admittedAt, expiresAt] = [Number(reply[4]), Number(reply[5])];
  const passes: AdmissionPass[] = [];
  for (let i = 6; i + 1 < reply.length; i += 2) {
    passes.push({ userId: String(reply[i]), jti: Number(reply[i + 1]), admittedAt, expiresAt });
  }
  return {
    admitted: Number(reply[0]),
    skipped: Number(reply[1]),
    soldOut: Number(reply[2]) === 1,
    passes,
  };
};

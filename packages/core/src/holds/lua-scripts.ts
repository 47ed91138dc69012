// Loads the seat-state Lua scripts from ./lua and registers each once per ioredis client under a
// versioned name (bump the suffix when a script's contract changes, so old and new never mix).
import { readFileSync } from 'node:fs';
import type { Redis } from 'ioredis';

/** What every script returns: a status (>= 0 success, < 0 refusal) followed by its payload. */
export type LuaReply = Array<number | string>;

type ScriptCall = (...keysThenArgs: Array<string | number>) => Promise<LuaReply>;

export const SCRIPT_FILES = {
  tesseraHold_v2: 'hold-9.lua',
  tesseraHoldBest_v2: 'hold-best-11.lua',
  tesseraRelease_v1: 'release-6.lua',
  tesseraExtend_v1: 'extend-5.lua',
  tesseraSell_v1: 'sell-6.lua',
  tesseraExpire_v1: 'expire-6.lua',
  tesseraCommitLoad_v1: 'commit-load-16.lua',
  tesseraRefund_v1: 'refund-4.lua',
  tesseraCancel_v1: 'cancel-9.lua',
} as const;

export type HoldCommands = Record<keyof typeof SCRIPT_FILES, ScriptCall>;

const LUA_DIR = new URL('./lua/', import.meta.url);
const INCLUDE = /^--- @include "([\w-]+)"$/gm;

/** Inlines `--- @include "name"` lines with lua/includes/name.lua (BullMQ's convention). */
export const readScript = (file: string): string =>
  readFileSync(new URL(file, LUA_DIR), 'utf8').replace(INCLUDE, (_line, name: string) =>
    readFileSync(new URL(`includes/${name}.lua`, LUA_DIR), 'utf8'),
  );

const numberOfKeys = (file: string): number => {
  const match = /-(\d+)\.lua$/.exec(file);
  if (!match) throw new Error(`Lua file ${file} must be named <command>-<numberOfKeys>.lua`);
  return Number(match[1]);
};

let sources: Array<[string, { lua: string; numberOfKeys: number }]> | undefined;
const registered = new WeakSet<Redis>();

/** The client with the scripts defined on it (EVALSHA, falling back to EVAL after a restart). */
export const holdCommands = (redis: Redis): HoldCommands => {
  if (!registered.has(redis)) {
    sources ??= Object.entries(SCRIPT_FILES).map(([name, file]) => [
      name,
      { lua: readScript(file), numberOfKeys: numberOfKeys(file) },
    ]);
    for (const [name, definition] of sources) redis.defineCommand(name, definition);
    registered.add(redis);
  }
  return redis as unknown as HoldCommands;
};

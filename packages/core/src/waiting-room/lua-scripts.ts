// Loads the waiting-room Lua scripts from ./lua and registers each once per ioredis client under a
// versioned name (bump the suffix when a script's contract changes), like holds/lua-scripts.ts.
import { readFileSync } from 'node:fs';
import type { Redis } from 'ioredis';
import type { LuaReply } from '../holds/lua-scripts.ts';
import type { WindowKeys } from './keys.ts';
import { WINDOW_KEY_NAMES } from './keys.ts';

type ScriptCall = (...keysThenArgs: Array<string | number>) => Promise<LuaReply | string>;

export const WINDOW_SCRIPT_FILES = {
  tesseraWrJoin_v1: 'join-12.lua',
  tesseraWrStatus_v1: 'status-12.lua',
  tesseraWrAdvance_v2: 'advance-12.lua',
  tesseraWrSeal_v1: 'seal-12.lua',
  tesseraWrLottery_v1: 'lottery-12.lua',
  tesseraWrConsume_v1: 'consume-12.lua',
  tesseraWrInventory_v1: 'inventory-3.lua',
  tesseraWrRestore_v1: 'restore-12.lua',
} as const;

export type WindowCommands = Record<keyof typeof WINDOW_SCRIPT_FILES, ScriptCall>;

const LUA_DIR = new URL('./lua/', import.meta.url);
const INCLUDE = /^--- @include "([\w-]+)"$/gm;

export const readWindowScript = (file: string): string =>
  readFileSync(new URL(file, LUA_DIR), 'utf8').replace(INCLUDE, (_line, name: string) =>
    readFileSync(new URL(`includes/${name}.lua`, LUA_DIR), 'utf8'),
  );

let sources: Array<[string, { lua: string; numberOfKeys: number }]> | undefined;
const registered = new WeakSet<Redis>();

export const windowCommands = (redis: Redis): WindowCommands => {
  if (!registered.has(redis)) {
    sources ??= Object.entries(WINDOW_SCRIPT_FILES).map(([name, file]) => [
      name,
      { lua: readWindowScript(file), numberOfKeys: Number(/-(\d+)\.lua$/.exec(file)![1]) },
    ]);
    for (const [name, definition] of sources) redis.defineCommand(name, definition);
    registered.add(redis);
  }
  return redis as unknown as WindowCommands;
};

/** KEYS[1..12] of every window script, in keys.ts order. */
export const windowKeyList = (keys: WindowKeys): string[] =>
  WINDOW_KEY_NAMES.map((name) => keys[name]);

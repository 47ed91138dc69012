// Registers the layout-change Lua scripts (./lua) on an ioredis client under versioned names. They
// share the seat-state helpers of holds/lua/includes, inlined the same way the hold scripts are.
import { readFileSync } from 'node:fs';
import type { Redis } from 'ioredis';
import type { LuaReply } from '../holds/lua-scripts.ts';

type ScriptCall = (...keysThenArgs: Array<string | number>) => Promise<LuaReply>;

const SCRIPT_FILES = {
  tesseraRetireSeats_v1: 'retire-seats-3.lua',
  tesseraRelayout_v1: 'relayout-10.lua',
} as const;

export type LayoutCommands = Record<keyof typeof SCRIPT_FILES, ScriptCall>;

const LUA_DIR = new URL('./lua/', import.meta.url);
const INCLUDES_DIR = new URL('../holds/lua/includes/', import.meta.url);
const INCLUDE = /^--- @include "([\w-]+)"$/gm;

export const readLayoutScript = (file: string): string =>
  readFileSync(new URL(file, LUA_DIR), 'utf8').replace(INCLUDE, (_line, name: string) =>
    readFileSync(new URL(`${name}.lua`, INCLUDES_DIR), 'utf8'),
  );

const registered = new WeakSet<Redis>();

export const layoutCommands = (redis: Redis): LayoutCommands => {
  if (!registered.has(redis)) {
    for (const [name, file] of Object.entries(SCRIPT_FILES)) {
      const keys = Number(/-(\d+)\.lua$/.exec(file)![1]);
      redis.defineCommand(name, { lua: readLayoutScript(file), numberOfKeys: keys });
    }
    registered.add(redis);
  }
  return redis as unknown as LayoutCommands;
};

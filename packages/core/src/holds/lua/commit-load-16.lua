--[[
  Installs a freshly built seat state: renames the load's temp keys over the live ones and marks
  the event loaded, in one step, so no hold ever sees a half-loaded event. Refuses to replace an
  event that is already loaded (another process won the race, or live holds would be lost).

  Input:
    KEYS[1] meta  KEYS[2] seats  KEYS[3] expiry  KEYS[4] holds  KEYS[5] users
    KEYS[6] layout  KEYS[7] rows  KEYS[8] rank  KEYS[9] stream
    KEYS[10..16] temp seats, expiry, holds, users, layout, rows, rank (same order as KEYS[2..8])
    ARGV[1] version floor (highest version Postgres has reconciled)
    ARGV[2] stream MAXLEN (approximate)

  Output:
    { version } when installed     { 0 } when the event was already loaded (temps dropped)
]]
--- @include "common"

if isLoaded(KEYS[1]) then
  for i = 10, 16 do redis.call('DEL', KEYS[i]) end
  return { 0 }
end
for i = 2, 8 do
  local temp = KEYS[i + 8]
  if redis.call('EXISTS', temp) == 1 then
    redis.call('RENAME', temp, KEYS[i])
    -- Temps carry a TTL so a crashed load cleans up after itself; live keys must not.
    redis.call('PERSIST', KEYS[i])
  else
    redis.call('DEL', KEYS[i])
  end
end
-- The version continues from what this Redis last said and never starts below what Postgres has
-- reconciled, so reconciliation (which orders by version) never mistakes new changes for old ones.
local current = tonumber(redis.call('HGET', KEYS[1], 'version') or '0')
local version = math.max(current, tonumber(ARGV[1])) + 1
redis.call('HSET', KEYS[1], 'version', version, 'loaded', '1', 'loadedAt', int(nowMs()))
redis.call('XADD', KEYS[9], 'MAXLEN', '~', ARGV[2], '*', 'v', version, 'type', 'load')
return { version }

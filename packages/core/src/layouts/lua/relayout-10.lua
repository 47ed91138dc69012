--[[
  After a layout change committed in Postgres (or failed, to undo retire-seats-3): installs the
  venue's layout as Postgres has it now, keeping every live hold and sale. Layout, rows and rank
  are replaced by the temps; seats of the layout missing from the seats hash become available;
  free seats no longer in the layout leave it. A `load` entry tells the seat map and the
  reconciler that the event's seat set changed.

  Input:
    KEYS[1] meta    KEYS[2] seats   KEYS[3] expiry   KEYS[4] layout   KEYS[5] rows
    KEYS[6] rank    KEYS[7] stream
    KEYS[8..10] temp layout, rows, rank
    ARGV[1] stream MAXLEN (approximate)

  Output:
    { version, keptSeatId... }   installed; seats no longer in the layout that are still sold or
                                 held stay in the seats hash and are listed (should be none)
    { 0 }                        the event is not loaded (temps dropped; its next load reads
                                 Postgres) or is cancelled (nothing installed)
]]
--- @include "common"

-- A cancelled event keeps no layout (cancel-9 removed it so every hold is refused): leave it so.
if not isLoaded(KEYS[1]) or redis.call('HGET', KEYS[1], 'cancelled') == '1' then
  redis.call('DEL', KEYS[8], KEYS[9], KEYS[10])
  return { 0 }
end
local now = nowMs()
local inLayout = {}
for _, id in ipairs(redis.call('HKEYS', KEYS[8])) do
  inLayout[id] = true
  redis.call('HSETNX', KEYS[2], id, '0')
end
local reply = { 0 }
local current = redis.call('HGETALL', KEYS[2])
for i = 1, #current, 2 do
  local id, value = current[i], current[i + 1]
  if not inLayout[id] then
    if seatFree(value, now) then
      redis.call('HDEL', KEYS[2], id)
      redis.call('ZREM', KEYS[3], id)
    else
      reply[#reply + 1] = id
    end
  end
end
for i = 4, 6 do
  local temp = KEYS[i + 4]
  if redis.call('EXISTS', temp) == 1 then
    redis.call('RENAME', temp, KEYS[i])
    redis.call('PERSIST', KEYS[i])
  else
    redis.call('DEL', KEYS[i])
  end
end
reply[1] = appendChange(KEYS[1], KEYS[7], ARGV[1], 'load', {})
return reply

--[[
  Counts what an event can still sell, for inventory-aware admission: seats free now, seats in
  holds that expire within the horizon (likely to come back), seats in later holds, and how many
  of the given active shoppers hold nothing yet (each of them will still want seats).

  Input:
    KEYS[1] event seats    KEYS[2] event users    KEYS[3] event holds (holds/keys.ts, one slot)
    ARGV[1] now (ms; '' for Redis time)    ARGV[2] horizon (ms)
    ARGV[3..] user ids of the window's active shoppers

  Output:
    { free, freeingSoon, heldLater, shoppersWithoutHold }
]]
local function clock(arg)
  if arg and arg ~= '' then return tonumber(arg) end
  local t = redis.call('TIME')
  return tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
end

local now = clock(ARGV[1])
local soon = now + tonumber(ARGV[2])
local free, freeingSoon, heldLater = 0, 0, 0
for _, value in ipairs(redis.call('HVALS', KEYS[1])) do
  if value == '0' then
    free = free + 1
  elseif value ~= 's' then
    local expiresAt = tonumber(string.match(value, '^(%d+):'))
    if expiresAt <= now then free = free + 1
    elseif expiresAt <= soon then freeingSoon = freeingSoon + 1
    else heldLater = heldLater + 1 end
  end
end

local withoutHold = 0
for i = 3, #ARGV do
  local holding = false
  local list = redis.call('HGET', KEYS[2], ARGV[i])
  if list then
    for holdId in string.gmatch(list, '[^,]+') do
      local record = redis.call('HGET', KEYS[3], holdId)
      if record then
        local status, expiresAt = string.match(record, '^(%a)|(%d+)|')
        if status == 'h' and tonumber(expiresAt) > now then holding = true end
      end
    end
  end
  if not holding then withoutHold = withoutHold + 1 end
end
return { free, freeingSoon, heldLater, withoutHold }

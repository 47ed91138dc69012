--[[
  Extends a live hold once, when its payment starts, so it cannot expire under a paying fan.
  New expiry = min(now + extension, createdAt + hard maximum), never earlier than the current one.

  Input:
    KEYS[1] meta     KEYS[2] seats    KEYS[3] expiry   KEYS[4] holds    KEYS[5] stream
    ARGV[1] hold id  ARGV[2] user id  ARGV[3] extension ms
    ARGV[4] hard maximum hold lifetime ms (from creation)   ARGV[5] stream MAXLEN (approximate)

  Output:
    { version, expiresAtMs } on success
    { -3 } HOLD_EXPIRED   { -4 } NOT_FOUND   { -7 } EVENT_NOT_LOADED
    { -9 } ALREADY_EXTENDED   { -10 } ALREADY_SOLD
]]
--- @include "common"

local now = nowMs()
if not isLoaded(KEYS[1]) then return { -7 } end
local record = redis.call('HGET', KEYS[4], ARGV[1])
if not record then return { -4 } end
local hold = parseHold(record)
if hold.userId ~= ARGV[2] then return { -4 } end
if hold.status == 's' then return { -10 } end
if hold.status ~= 'h' or hold.expiresAt <= now then return { -3 } end
if hold.extended == '1' then return { -9 } end

local target = math.min(now + tonumber(ARGV[3]), hold.createdAt + tonumber(ARGV[4]))
if target < hold.expiresAt then target = hold.expiresAt end
local value = int(target) .. ':' .. ARGV[1]
-- The hold is live, so every one of its seats is still its own.
for _, id in ipairs(splitCsv(hold.seats)) do
  redis.call('HSET', KEYS[2], id, value)
  redis.call('ZADD', KEYS[3], target, id)
end
hold.expiresAt = target
hold.extended = '1'
redis.call('HSET', KEYS[4], ARGV[1], formatHold(hold))
local version = appendChange(KEYS[1], KEYS[5], ARGV[5], 'extend', { 'hold', ARGV[1],
  'user', hold.userId, 'seats', hold.seats, 'exp', int(target) })
return { version, target }

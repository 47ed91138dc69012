--[[
  Marks a live (possibly extended) hold's seats sold, after the sale was committed in Postgres.

  Input:
    KEYS[1] meta     KEYS[2] seats    KEYS[3] expiry   KEYS[4] holds
    KEYS[5] users    KEYS[6] stream
    ARGV[1] hold id  ARGV[2] user id  ARGV[3] stream MAXLEN (approximate)

  Output:
    { version } on success
    { -3 } HOLD_EXPIRED   { -4 } NOT_FOUND   { -7 } EVENT_NOT_LOADED   { -10 } ALREADY_SOLD
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

for _, id in ipairs(splitCsv(hold.seats)) do
  redis.call('HSET', KEYS[2], id, 's')
  redis.call('ZREM', KEYS[3], id)
end
hold.status = 's'
redis.call('HSET', KEYS[4], ARGV[1], formatHold(hold))
dropUserHold(KEYS[5], hold.userId, ARGV[1])
return { appendChange(KEYS[1], KEYS[6], ARGV[3], 'sell', { 'hold', ARGV[1],
  'user', hold.userId, 'seats', hold.seats }) }

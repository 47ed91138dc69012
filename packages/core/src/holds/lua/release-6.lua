--[[
  Releases a hold at its owner's request and frees the seats it still owns.

  Input:
    KEYS[1] meta     KEYS[2] seats    KEYS[3] expiry   KEYS[4] holds
    KEYS[5] users    KEYS[6] stream
    ARGV[1] hold id  ARGV[2] user id  ARGV[3] stream MAXLEN (approximate)

  Output:
    { version } on success
    { -3 } HOLD_EXPIRED (already swept)   { -4 } NOT_FOUND (no such hold for this user)
    { -7 } EVENT_NOT_LOADED   { -10 } ALREADY_SOLD
]]
--- @include "common"

if not isLoaded(KEYS[1]) then return { -7 } end
local record = redis.call('HGET', KEYS[4], ARGV[1])
if not record then return { -4 } end
local hold = parseHold(record)
-- Another user's hold answers like a missing one: hold ids reveal nothing.
if hold.userId ~= ARGV[2] then return { -4 } end
if hold.status == 's' then return { -10 } end
if hold.status == 'x' then return { -3 } end

-- Seats of an expired, unswept hold may already belong to a newer hold: free only our own.
local freed = {}
for _, id in ipairs(splitCsv(hold.seats)) do
  if seatHolder(redis.call('HGET', KEYS[2], id)) == ARGV[1] then
    redis.call('HSET', KEYS[2], id, '0')
    redis.call('ZREM', KEYS[3], id)
    freed[#freed + 1] = id
  end
end
redis.call('HDEL', KEYS[4], ARGV[1])
dropUserHold(KEYS[5], hold.userId, ARGV[1])
return { appendChange(KEYS[1], KEYS[6], ARGV[3], 'release', { 'hold', ARGV[1],
  'user', hold.userId, 'seats', table.concat(freed, ',') }) }

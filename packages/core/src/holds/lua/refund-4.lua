--[[
  Returns refunded seats to sale: each listed seat still sold becomes available again (a seat
  held or available is left alone), the refunded sale's hold record is dropped, and the change is
  announced so the live seat map and reconciliation see it. Called once per refund, after the
  refund was committed in Postgres (the source of truth for sold seats).

  Input:
    KEYS[1] meta     KEYS[2] seats    KEYS[3] holds    KEYS[4] stream
    ARGV[1] hold id of the refunded sale ('' when unknown)
    ARGV[2] stream MAXLEN (approximate)
    ARGV[3..] seat ids

  Output:
    { version, seatId... } when seats were returned
    { 0 } when none of the seats was sold    { -7 } EVENT_NOT_LOADED
]]
--- @include "common"

if not isLoaded(KEYS[1]) then return { -7 } end
local freed = {}
for i = 3, #ARGV do
  if redis.call('HGET', KEYS[2], ARGV[i]) == 's' then
    redis.call('HSET', KEYS[2], ARGV[i], '0')
    freed[#freed + 1] = ARGV[i]
  end
end
if ARGV[1] ~= '' then
  local record = redis.call('HGET', KEYS[3], ARGV[1])
  if record and parseHold(record).status == 's' then redis.call('HDEL', KEYS[3], ARGV[1]) end
end
if #freed == 0 then return { 0 } end
local version = appendChange(KEYS[1], KEYS[4], ARGV[2], 'refund', { 'hold', ARGV[1],
  'seats', table.concat(freed, ',') })
return { version, unpack(freed) }

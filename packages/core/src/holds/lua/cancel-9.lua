--[[
  Cancels an event's sale: frees every held seat, drops every hold that is not a sale, and
  removes the layout the hold scripts read, so any later hold finds no seat (they refuse) while
  sold seats stay sold until each refund returns them (refund-4). Marks meta `cancelled`.

  Input:
    KEYS[1] meta     KEYS[2] seats    KEYS[3] expiry   KEYS[4] holds    KEYS[5] users
    KEYS[6] layout   KEYS[7] rows     KEYS[8] rank     KEYS[9] stream
    ARGV[1] stream MAXLEN (approximate)

  Output:
    { version, releasedHolds, freedSeats } when cancelled now
    { 0, 0, 0 } when already cancelled    { -7 } EVENT_NOT_LOADED
]]
--- @include "common"

if not isLoaded(KEYS[1]) then return { -7 } end
if redis.call('HGET', KEYS[1], 'cancelled') == '1' then return { 0, 0, 0 } end

local seats = redis.call('HGETALL', KEYS[2])
local freed, released, seen = {}, {}, {}
for i = 1, #seats, 2 do
  local holder = seatHolder(seats[i + 1])
  if holder then
    redis.call('HSET', KEYS[2], seats[i], '0')
    freed[#freed + 1] = seats[i] .. ':' .. holder
  end
end
local records = redis.call('HGETALL', KEYS[4])
for i = 1, #records, 2 do
  local status = parseHold(records[i + 1]).status
  if status ~= 's' then
    redis.call('HDEL', KEYS[4], records[i])
    if status == 'h' and not seen[records[i]] then
      seen[records[i]] = true
      released[#released + 1] = records[i]
    end
  end
end
redis.call('DEL', KEYS[3], KEYS[5], KEYS[6], KEYS[7], KEYS[8])
redis.call('HSET', KEYS[1], 'cancelled', '1')
local version = appendChange(KEYS[1], KEYS[9], ARGV[1], 'cancel', { 'holds',
  table.concat(released, ','), 'seats', table.concat(freed, ',') })
return { version, #released, #freed }

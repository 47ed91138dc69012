--[[
  Before a layout change is written to Postgres: takes the seats it drops or moves out of sale in
  one event, so no hold can start on them while the change commits. Refuses (and changes nothing)
  when any of them is sold or held right now. Retired seats read as unavailable to the hold
  scripts until relayout-10 restores the seats the new layout still has.

  Input:
    KEYS[1] meta   KEYS[2] seats   KEYS[3] expiry
    ARGV[1..] seat ids

  Output:
    { retired }              count of seats taken out (0 when the event is not loaded in Redis)
    { -1, seatId... }        SEAT_TAKEN: these seats are sold or held
]]
--- @include "common"

if not isLoaded(KEYS[1]) then return { 0 } end
local now = nowMs()
local states = redis.call('HMGET', KEYS[2], unpack(ARGV))
local taken = {}
for i, id in ipairs(ARGV) do
  -- A seat already gone from the hash was retired by an earlier attempt: nothing to protect.
  if states[i] and not seatFree(states[i], now) then taken[#taken + 1] = id end
end
if #taken > 0 then return { -1, unpack(taken) } end
redis.call('HDEL', KEYS[2], unpack(ARGV))
redis.call('ZREM', KEYS[3], unpack(ARGV))
return { #ARGV }

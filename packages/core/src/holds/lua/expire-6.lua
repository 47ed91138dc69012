--[[
  Sweeper: frees up to a batch of seats whose own expiry has passed, so the seat map can announce
  them. One version bump and one stream entry per batch that freed anything.

  Input:
    KEYS[1] meta     KEYS[2] seats    KEYS[3] expiry   KEYS[4] holds
    KEYS[5] users    KEYS[6] stream
    ARGV[1] batch size   ARGV[2] stream MAXLEN (approximate)

  Output:
    { version, seatId, holdId, seatId, holdId, ... } when seats were freed
    { 0 } when nothing was due    { -7 } EVENT_NOT_LOADED
]]
--- @include "common"

local now = nowMs()
if not isLoaded(KEYS[1]) then return { -7 } end
local due = redis.call('ZRANGEBYSCORE', KEYS[3], '-inf', now, 'LIMIT', 0, tonumber(ARGV[1]))
local reply, freed, expiredHolds = { 0 }, {}, {}
for _, id in ipairs(due) do
  local value = redis.call('HGET', KEYS[2], id)
  local holder = seatHolder(value)
  if holder and not seatFree(value, now) then
    -- Defensive: a stale score for a seat still held re-queues it at its real expiry.
    redis.call('ZADD', KEYS[3], string.match(value, '^(%d+)'), id)
  else
    redis.call('ZREM', KEYS[3], id)
    if holder then
      redis.call('HSET', KEYS[2], id, '0')
      reply[#reply + 1] = id
      reply[#reply + 1] = holder
      freed[#freed + 1] = id .. ':' .. holder
      if not expiredHolds[holder] then
        expiredHolds[holder] = true
        local record = redis.call('HGET', KEYS[4], holder)
        if record then
          local hold = parseHold(record)
          if hold.status == 'h' then
            hold.status = 'x'
            redis.call('HSET', KEYS[4], holder, formatHold(hold))
            dropUserHold(KEYS[5], hold.userId, holder)
          end
        end
      end
    end
  end
end
if #freed == 0 then return { 0 } end
reply[1] = appendChange(KEYS[1], KEYS[6], ARGV[2], 'expire', { 'seats', table.concat(freed, ',') })
return reply

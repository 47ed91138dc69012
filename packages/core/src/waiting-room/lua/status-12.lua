--[[
  Reads one fan's place for waitingRoom.status / onUpdate and records that the fan is still there
  (last seen). A fan who was skipped as away and comes back within the allowance (10 x grace after
  being skipped) moves to the returned list, admitted ahead of everyone at the next step; after
  the allowance they go to the back of the queue.

  Input:
    KEYS[1..12] window keys (waiting-room/keys.ts order)
    ARGV[1] user id      ARGV[2] now (ms; '' for Redis time)

  Output:
    JSON { now, cfg = {...}, fan = { place, position?, joinedAt?, admission?, predicted },
           counts = {...}, stats = {...} }; place: none | prequeue | queue | returned | admitted.
    An unknown window gives { -1 }.
]]
--- @include "window-common"

local userId = ARGV[1]
local now = clock(ARGV[2])
local c = redis.call('HMGET', K_CONFIG, 'status', 'startsAt', 'endsAt', 'preQueueOpensAt',
  'name', 'eventId', 'commitment', 'seed', 'seedRevealed', 'soldOut', 'lotteryDone', 'graceMs',
  'mode', 'rate', 'maxActive', 'sessionMs', 'admittedTotal')
if not c[1] then return { -1 } end
local status = c[1]

local fan = { place = 'none', predicted = false }
local record = fanRecord(userId)
if record then
  fan.joinedAt = record.joinedAt
  redis.call('HSET', K_SEEN, userId, int(now))
  local awayOrder = redis.call('ZSCORE', K_AWAY, userId)
  if awayOrder and (status == 'OPEN' or status == 'PAUSED') then
    redis.call('ZREM', K_AWAY, userId)
    local skippedAt = num(redis.call('HGET', K_FANS, 'a:' .. userId), now)
    redis.call('HDEL', K_FANS, 'a:' .. userId)
    if now - skippedAt <= 10 * num(c[12], 60000) then
      redis.call('ZADD', K_RETURNED, awayOrder, userId)
      redis.call('HINCRBY', K_STATS, 'returned', 1)
    else
      enqueueLate(userId)
      redis.call('HINCRBY', K_STATS, 'requeued', 1)
    end
  end
  local a = admission(userId)
  if a then
    fan.place = 'admitted'
    fan.admission = a
  elseif redis.call('ZSCORE', K_RETURNED, userId) then
    fan.place = 'returned'
    fan.position = redis.call('ZRANK', K_RETURNED, userId) + 1
  elseif redis.call('ZSCORE', K_QUEUE, userId) then
    fan.place = 'queue'
    fan.position = redis.call('ZCARD', K_RETURNED) + redis.call('ZRANK', K_QUEUE, userId) + 1
  elseif redis.call('ZSCORE', K_AWAY, userId) then
    fan.place = 'queue' -- away while the window is not running: keeps the place
    fan.position = redis.call('ZCARD', K_RETURNED) + redis.call('ZCOUNT', K_QUEUE, '-inf',
      redis.call('ZSCORE', K_AWAY, userId)) + 1
  else
    fan.place = 'prequeue'
  end
  fan.predicted = redis.call('HEXISTS', K_FANS, 'p:' .. userId) == 1
end

local minute = math.floor(now / 60000)
local s = redis.call('HMGET', K_STATS, 'skipped', 'abandoned', 'consumed', 'm:' .. int(minute),
  'm:' .. int(minute - 1), 'm:' .. int(minute - 2), 'm:' .. int(minute - 3),
  'm:' .. int(minute - 4), 'm:' .. int(minute - 5))
local buckets = {}
for i = 1, 6 do buckets[i] = num(s[i + 3], 0) end

return cjson.encode({
  now = now,
  cfg = {
    status = status, startsAt = tonumber(c[2]), endsAt = tonumber(c[3]),
    -- HMGET gives false for a missing field: 'or nil' keeps it out of the JSON.
    preQueueOpensAt = tonumber(c[4]), name = c[5] or nil, eventId = c[6],
    commitment = c[7] or nil,
    seed = (c[9] == '1') and c[8] or nil, soldOut = c[10] == '1', lotteryDone = c[11] == '1',
    mode = c[13], rate = tonumber(c[14]), maxActive = tonumber(c[15]),
    sessionMs = tonumber(c[16]), admittedTotal = num(c[17], 0),
  },
  fan = fan,
  counts = {
    prequeue = redis.call('ZCARD', K_PREQUEUE), queue = redis.call('ZCARD', K_QUEUE),
    returned = redis.call('ZCARD', K_RETURNED), away = redis.call('ZCARD', K_AWAY),
    active = redis.call('ZCOUNT', K_ACTIVE, '(' .. int(now), '+inf'),
  },
  stats = {
    buckets = buckets, skipped = num(s[1], 0), abandoned = num(s[2], 0), consumed = num(s[3], 0),
  },
})

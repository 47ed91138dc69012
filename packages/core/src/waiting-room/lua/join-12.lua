--[[
  Gives a fan one place in a window: the pre-queue before the start (once the pre-queue is open
  and its lottery commitment published), the queue afterwards (first come, first served). Joining
  again changes nothing and returns the first place.

  Input:
    KEYS[1..12] window keys: config prequeue queue away returned fans seen admitted active stats
                waits etaerr (waiting-room/keys.ts)
    ARGV[1] user id      ARGV[2] now (ms; '' for Redis time)

  Output:
    { 1, joinedAt, placedIn } joined now       { 0, joinedAt, placedIn } already had a place
      placedIn: 'prequeue' | 'queue' | 'admitted' | 'expired' | 'away' | 'returned'
    { -1 } window unknown (not published) or without a waiting room     { -2 } window ended or cancelled
    { -3 } sold out                            { -4 } not open yet (pre-queue closed or none)
]]
--- @include "window-common"

local userId = ARGV[1]
local now = clock(ARGV[2])
local cfg = redis.call('HMGET', K_CONFIG, 'status', 'startsAt', 'endsAt', 'preQueueOpensAt',
  'sealed', 'soldOut', 'commitment', 'waitingRoom')
if not cfg[1] or cfg[8] == '0' then return { -1 } end

local function placeOf()
  local a = admission(userId)
  if a then
    if a.state == 'a' and a.expiresAt > now then return 'admitted' end
    return 'expired'
  end
  if redis.call('ZSCORE', K_AWAY, userId) then return 'away' end
  if redis.call('ZSCORE', K_RETURNED, userId) then return 'returned' end
  if redis.call('ZSCORE', K_QUEUE, userId) then return 'queue' end
  return 'prequeue'
end

local fan = fanRecord(userId)
if fan then
  redis.call('HSET', K_SEEN, userId, int(now))
  return { 0, int(fan.joinedAt), placeOf() }
end

local status, startsAt, endsAt = cfg[1], tonumber(cfg[2]), tonumber(cfg[3])
if status == 'ENDED' or status == 'CANCELLED' or now >= endsAt then return { -2 } end
if cfg[6] == '1' then return { -3 } end

local order, placedIn
if now < startsAt and cfg[5] ~= '1' then
  local opensAt = tonumber(cfg[4])
  -- The commitment must be public before the first fan enters the lottery.
  if not opensAt or now < opensAt or not cfg[7] then return { -4 } end
  redis.call('ZADD', K_PREQUEUE, now, userId)
  order, placedIn = 0, 'prequeue'
else
  order, placedIn = enqueueLate(userId), 'queue'
end
redis.call('HSET', K_FANS, userId, int(now) .. '|' .. int(order))
redis.call('HSET', K_SEEN, userId, int(now))
redis.call('HINCRBY', K_STATS, 'joined', 1)
return { 1, int(now), placedIn }

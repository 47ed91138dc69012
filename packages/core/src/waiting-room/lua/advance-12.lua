--[[
  One admission step, atomic: however many callers race, each fan is admitted at most once and
  nobody is passed over except a fan who is away (skipped, keeps a claim to return).

  Budget = the smallest of the limits the window has:
    pace      rate/min: paceBaseCount + floor(rate * (now - paceBaseMs) / 60000) - admittedTotal
              (fractions carry over because the count is recomputed from the base every step)
    cap       maxActive - active shoppers (admitted, neither consumed nor expired)
    inventory ARGV[3] - active shoppers (the caller's count of fans the seats can still serve,
              expressed as a cap on active shoppers so racing callers cannot both spend it)
  Fans who came back from away go first, then the queue head in order. A head fan whose last
  seen is older than graceMs is moved to `away` (skipped) instead of admitted; at most ARGV[4]
  fans are looked at per step. Sessions past their expiry are dropped first (counted abandoned).
  While not OPEN (or before the lottery is done) nothing is admitted and the pace base follows
  `now`, so a resume never releases a burst.

  Input:
    KEYS[1..12] window keys (waiting-room/keys.ts order)
    ARGV[1] now (ms; '' for Redis time)
    ARGV[2] '1' to mark the window sold out (inventory exhausted) instead of admitting
    ARGV[3] inventory cap on active shoppers ('' when the mode is not INVENTORY)
    ARGV[4] most fans to look at in this step (admitted + skipped)
    ARGV[5] most recent waits / ETA errors kept

  Output:
    { admitted, skipped, soldOut (0/1), expired, admittedAt, expiresAt, userId1, jti1, ... }
      (the fans admitted by this step with their pass ids, for the worker to mirror to Postgres)
    { -1 } unknown window
]]
--- @include "window-common"

local now = clock(ARGV[1])
local c = redis.call('HMGET', K_CONFIG, 'status', 'startsAt', 'endsAt', 'lotteryDone', 'rate',
  'maxActive', 'sessionMs', 'graceMs', 'paceBaseMs', 'paceBaseCount', 'admittedTotal', 'soldOut',
  'openedAt')
if not c[1] then return { -1 } end

-- Sessions that ran out without an order: no longer active, counted as abandoned.
local expired = redis.call('ZRANGEBYSCORE', K_ACTIVE, '-inf', int(now))
for _, userId in ipairs(expired) do
  local a = admission(userId)
  if a and a.state == 'a' then
    a.state = 'x'
    setAdmission(userId, a)
  end
end
if #expired > 0 then
  redis.call('ZREMRANGEBYSCORE', K_ACTIVE, '-inf', int(now))
  redis.call('HINCRBY', K_STATS, 'abandoned', #expired)
end

local admittedTotal = num(c[11], 0)
local running = c[1] == 'OPEN' and c[4] == '1' and now >= tonumber(c[2]) and now < tonumber(c[3])
if not running or c[12] == '1' then
  redis.call('HSET', K_CONFIG, 'paceBaseMs', int(now), 'paceBaseCount', int(admittedTotal))
  return { 0, 0, c[12] == '1' and 1 or 0, #expired }
end
if ARGV[2] == '1' then
  redis.call('HSET', K_CONFIG, 'soldOut', '1')
  return { 0, 0, 1, #expired }
end

local active = redis.call('ZCARD', K_ACTIVE)
local budget = nil
local function limit(n)
  if not budget or n < budget then budget = n end
end
local rate = tonumber(c[5])
if rate then
  local base, baseCount = num(c[9], now), num(c[10], 0)
  limit(baseCount + math.floor(rate * (now - base) / 60000) - admittedTotal)
end
if tonumber(c[6]) then limit(tonumber(c[6]) - active) end
if ARGV[3] ~= '' then limit(tonumber(ARGV[3]) - active) end
if not budget or budget <= 0 then return { 0, 0, 0, #expired } end

local sessionMs, graceMs = num(c[7], 600000), num(c[8], 60000)
local openedAt = num(c[13], tonumber(c[2]))
local maxLook, keep = tonumber(ARGV[4]), tonumber(ARGV[5]) - 1
local minute = 'm:' .. int(math.floor(now / 60000))
local admitted, skipped, looked = 0, 0, 0
-- Writes are gathered and sent in a few multi-argument commands at the end (a step may admit
-- thousands of fans; one command per fan per key would keep Redis busy several times longer).
local jtiSeq = num(redis.call('HGET', K_CONFIG, 'jtiSeq'), 0)
local expiresAt = now + sessionMs
local removeFrom = { [K_RETURNED] = {}, [K_QUEUE] = {} }
local admissions, actives, waits, etaErrors, awayArgs, awayMarks = {}, {}, {}, {}, {}, {}
local passes = {}

local function push(list, ...)
  for _, value in ipairs({ ... }) do list[#list + 1] = value end
end

-- Sends `cmd key list...` in slices, so no call unpacks more arguments than Lua allows.
local function flush(cmd, key, list, step)
  for first = 1, #list, step do
    redis.call(cmd, key, unpack(list, first, math.min(#list, first + step - 1)))
  end
end

local function admit(userId, fromKey)
  push(removeFrom[fromKey], userId)
  jtiSeq = jtiSeq + 1
  push(admissions, userId, int(now) .. '|' .. int(expiresAt) .. '|' .. int(jtiSeq) .. '|a')
  push(actives, int(expiresAt), userId)
  push(passes, userId, int(jtiSeq))
  local record = redis.call('HMGET', K_FANS, userId, 'p:' .. userId)
  local joinedAt = record[1] and tonumber(string.match(record[1], '^(%d+)|')) or openedAt
  push(waits, int(now - math.max(joinedAt, openedAt)))
  -- ETA error: the wait first predicted to this fan ('atMs|predictedWaitMs') against the real one.
  if record[2] then
    local at, wait = string.match(record[2], '^(%d+)|(%d+)$')
    push(etaErrors, int(math.abs((now - tonumber(at)) - tonumber(wait))))
  end
  admitted = admitted + 1
end

for _, userId in ipairs(redis.call('ZRANGE', K_RETURNED, 0, budget - 1)) do
  admit(userId, K_RETURNED)
  looked = looked + 1
end

-- The queue is read by offset: removals are only sent at the end.
local exhausted, offset = false, 0
while admitted < budget and looked < maxLook do
  local batch = redis.call('ZRANGE', K_QUEUE, offset, offset + math.min(99, maxLook - looked - 1),
    'WITHSCORES')
  if #batch == 0 then
    exhausted = true
    break
  end
  local ids = {}
  for i = 1, #batch, 2 do ids[#ids + 1] = batch[i] end
  local seen = redis.call('HMGET', K_SEEN, unpack(ids))
  for i = 1, #batch, 2 do
    if admitted >= budget then break end
    local userId, order = batch[i], batch[i + 1]
    looked = looked + 1
    offset = offset + 1
    if now - num(seen[(i + 1) / 2], 0) > graceMs then
      push(removeFrom[K_QUEUE], userId)
      push(awayArgs, order, userId)
      push(awayMarks, 'a:' .. userId, int(now))
      skipped = skipped + 1
    else
      admit(userId, K_QUEUE)
    end
  end
end

flush('ZREM', K_RETURNED, removeFrom[K_RETURNED], 500)
flush('ZREM', K_QUEUE, removeFrom[K_QUEUE], 500)
flush('ZADD', K_AWAY, awayArgs, 500)
flush('HSET', K_FANS, awayMarks, 500)
flush('HSET', K_ADMITTED, admissions, 500)
flush('ZADD', K_ACTIVE, actives, 500)
flush('LPUSH', K_WAITS, waits, 500)
flush('LPUSH', K_ETAERR, etaErrors, 500)
if admitted > 0 then
  redis.call('HSET', K_CONFIG, 'jtiSeq', int(jtiSeq))
  admittedTotal = redis.call('HINCRBY', K_CONFIG, 'admittedTotal', admitted)
  redis.call('HINCRBY', K_STATS, minute, admitted)
  redis.call('LTRIM', K_WAITS, 0, keep)
  redis.call('LTRIM', K_ETAERR, 0, keep)
end
if skipped > 0 then redis.call('HINCRBY', K_STATS, 'skipped', skipped) end
-- Nobody left to let in: unused pace is not banked for a later burst.
if exhausted and rate then
  redis.call('HSET', K_CONFIG, 'paceBaseMs', int(now), 'paceBaseCount', int(admittedTotal))
end
local reply = { admitted, skipped, 0, #expired, int(now), int(expiresAt) }
for _, value in ipairs(passes) do reply[#reply + 1] = value end
return reply

-- Helpers shared by every waiting-room script, inlined where a script includes "window-common".
-- Every script takes the same twelve window keys (waiting-room/keys.ts order), all in the window's
-- `{wr:<id>}` slot.
local K_CONFIG, K_PREQUEUE, K_QUEUE, K_AWAY, K_RETURNED, K_FANS = KEYS[1], KEYS[2], KEYS[3], KEYS[4], KEYS[5], KEYS[6]
local K_SEEN, K_ADMITTED, K_ACTIVE, K_STATS, K_WAITS, K_ETAERR = KEYS[7], KEYS[8], KEYS[9], KEYS[10], KEYS[11], KEYS[12]

-- Order scores at or above this are arrivals after the start; below it, lottery ranks.
local LATE_BASE = 1000000000

-- The caller's simulated time (tests, scheduler) or Redis's own clock.
local function clock(arg)
  if arg and arg ~= '' then return tonumber(arg) end
  local t = redis.call('TIME')
  return tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
end

local function int(n)
  return string.format('%d', n)
end

local function num(value, default)
  return tonumber(value) or default
end

-- Appends the fan at the back of the queue (first come, first served).
local function enqueueLate(userId)
  local seq = redis.call('HINCRBY', K_CONFIG, 'seq', 1)
  local order = LATE_BASE + seq
  redis.call('ZADD', K_QUEUE, order, userId)
  return order
end

-- 'joinedAt|order' of a fan who joined, or nil.
local function fanRecord(userId)
  local value = redis.call('HGET', K_FANS, userId)
  if not value then return nil end
  local joinedAt, order = string.match(value, '^(%d+)|(%d+)$')
  return { joinedAt = tonumber(joinedAt), order = tonumber(order) }
end

-- 'admittedAt|expiresAt|jti|state' (a live, c consumed, x expired unused), or nil.
local function admission(userId)
  local value = redis.call('HGET', K_ADMITTED, userId)
  if not value then return nil end
  local admittedAt, expiresAt, jti, state = string.match(value, '^(%d+)|(%d+)|([^|]+)|(%a)$')
  return { admittedAt = tonumber(admittedAt), expiresAt = tonumber(expiresAt), jti = jti,
    state = state }
end

local function setAdmission(userId, a)
  redis.call('HSET', K_ADMITTED, userId,
    int(a.admittedAt) .. '|' .. int(a.expiresAt) .. '|' .. a.jti .. '|' .. a.state)
end

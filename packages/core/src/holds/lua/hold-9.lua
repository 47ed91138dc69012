--[[
  Holds the requested seats for one user: all of them or none.

  Input:
    KEYS[1] meta     KEYS[2] seats    KEYS[3] expiry   KEYS[4] holds
    KEYS[5] users    KEYS[6] layout   KEYS[7] stream
    KEYS[8] gate (waiting-room windows of the event)   KEYS[9] consumed (used admission tokens)

    ARGV[1]  event id                 ARGV[2]  hold id (new, chosen by the caller)
    ARGV[3]  user id                  ARGV[4]  ttl in ms (each seat expires at now + ttl)
    ARGV[5]  per-user seat limit      ARGV[6]  stream MAXLEN (approximate)
    ARGV[7]  token claim: window id ('' when no token)
    ARGV[8]  token claim: user id     ARGV[9]  token claim: event id
    ARGV[10] token claim: expires at (ms)                ARGV[11] token claim: jti
    ARGV[12..] seat ids

  Output:
    { version, expiresAtMs } on success
    { -1, seatId... } SEAT_TAKEN       { -2, heldNow, limit } HOLD_LIMIT_REACHED
    { -4, seatId... } NOT_FOUND        { -5, reason } ADMISSION_REQUIRED (see hold-rules)
    { -6, seatId... } STRANDED_SEAT    { -7 } EVENT_NOT_LOADED   { -11 } DUPLICATE_HOLD
]]
--- @include "common"
--- @include "hold-rules"

local now = nowMs()
local refusal = holdRefusal(KEYS, ARGV, now, KEYS[8], KEYS[9])
if refusal then return refusal end

local seatIds = {}
for i = 12, #ARGV do seatIds[#seatIds + 1] = ARGV[i] end

-- Layout gives each seat its two neighbours on either side; one read then fetches the state of
-- the requested seats and of those neighbours (for the stranded-seat rule).
local layouts = redis.call('HMGET', KEYS[6], unpack(seatIds))
local missing, around, lookup, taking = {}, {}, {}, {}
for i, id in ipairs(seatIds) do
  if not layouts[i] then missing[#missing + 1] = id end
  lookup[i] = id
  taking[id] = true
end
if #missing > 0 then return { -4, unpack(missing) } end
local queued = {}
for i, value in ipairs(layouts) do
  local l2, l1, r1, r2 = string.match(value, '^%d+|%d+|(%d+)|(%d+)|(%d+)|(%d+)$')
  around[i] = { l1, l2, r1, r2 }
  for _, id in ipairs(around[i]) do
    if id ~= '0' and not taking[id] and not queued[id] then
      queued[id] = true
      lookup[#lookup + 1] = id
    end
  end
end
local states = redis.call('HMGET', KEYS[2], unpack(lookup))
local free = {}
for i, id in ipairs(lookup) do free[id] = seatFree(states[i], now) end

local taken, takenOver = {}, {}
for i, id in ipairs(seatIds) do
  if not free[id] then
    taken[#taken + 1] = id
  else
    -- An expired hold's seat is free; the change names its old hold for reconciliation.
    local previous = seatHolder(states[i])
    if previous then takenOver[#takenOver + 1] = id .. ':' .. previous end
  end
end
if #taken > 0 then return { -1, unpack(taken) } end

local limit = tonumber(ARGV[5])
local held, liveHolds = liveUserSeats(KEYS[5], KEYS[4], ARGV[3], now)
if held + #seatIds > limit then return { -2, held, limit } end

-- Rule: a hold may not leave an available seat whose other neighbour is unavailable or the row
-- end (a lone seat nobody can sit beside). Only seats next to the hold can become lone, and they
-- were not lone before (their neighbour in the hold was free), so only new strandings refuse.
-- Row ends ('0') and the requested seats are absent from `free`: they count as unavailable.
for _, id in ipairs(seatIds) do free[id] = nil end
local stranded, reported = {}, {}
for i = 1, #seatIds do
  for side = 0, 2, 2 do
    local neighbour, beyond = around[i][side + 1], around[i][side + 2]
    if free[neighbour] and not free[beyond] and not reported[neighbour] then
      reported[neighbour] = true
      stranded[#stranded + 1] = neighbour
    end
  end
end
if #stranded > 0 then return { -6, unpack(stranded) } end

local version, expiresAt = commitHold(KEYS, ARGV, seatIds, liveHolds, now, takenOver)
return { version, expiresAt }

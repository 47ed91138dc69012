--[[
  Best available: holds `quantity` adjacent seats in one row, nearest the stage, for one user,
  under the same rules as hold-9 (limit, admission, no stranded seat, lazy expiry).
  Rows are tried in rank order (nearest the stage first); within a row the window whose middle is
  closest to the row's centre wins, the lower position on a tie.

  Input:
    KEYS[1] meta     KEYS[2] seats    KEYS[3] expiry   KEYS[4] holds
    KEYS[5] users    KEYS[6] layout   KEYS[7] stream   KEYS[8] rows     KEYS[9] rank
    KEYS[10] gate    KEYS[11] consumed (as hold-9's KEYS[8], KEYS[9])

    ARGV[1..11] as hold-9 (event id, hold id, user id, ttl ms, limit, stream MAXLEN, token
                window id, token user id, token event id, token expires at, token jti)
    ARGV[12] quantity                 ARGV[13] price tier id ('' for any tier)

  Output:
    { version, expiresAtMs, seatId... } on success
    { -2, heldNow, limit } HOLD_LIMIT_REACHED   { -5, reason } ADMISSION_REQUIRED
    { -7 } EVENT_NOT_LOADED   { -8 } NO_ADJACENT_SEATS   { -11 } DUPLICATE_HOLD
]]
--- @include "common"
--- @include "hold-rules"

-- A free seat next to the window (index j, looking away from it) would be left alone.
local function strands(free, j, away)
  return free[j] and not free[j + away]
end

local function bestWindow(rowValue, quantity, tier, seatsKey, now)
  local centre, body = string.match(rowValue, '^([%d%.]+)|(.*)$')
  centre = tonumber(centre)
  local ids, tiers = {}, {}
  for id, t in string.gmatch(body, '(%d+):(%d+)') do
    ids[#ids + 1] = id
    tiers[#tiers + 1] = t
  end
  if #ids < quantity then return nil end
  local states = redis.call('HMGET', seatsKey, unpack(ids))
  local free = {}
  for i = 1, #ids do free[i] = seatFree(states[i], now) end
  local best, bestScore, run = nil, nil, 0
  for i = 1, #ids do
    if free[i] and (tier == '' or tiers[i] == tier) then run = run + 1 else run = 0 end
    if run >= quantity then
      local first = i - quantity + 1
      if not strands(free, first - 1, -1) and not strands(free, i + 1, 1) then
        local score = math.abs(first + (quantity - 1) / 2 - centre)
        if not bestScore or score < bestScore then best, bestScore = first, score end
      end
    end
  end
  if not best then return nil end
  local seatIds, takenOver = {}, {}
  for i = best, best + quantity - 1 do
    seatIds[#seatIds + 1] = ids[i]
    local previous = seatHolder(states[i])
    if previous then takenOver[#takenOver + 1] = ids[i] .. ':' .. previous end
  end
  return seatIds, takenOver
end

local now = nowMs()
local refusal = holdRefusal(KEYS, ARGV, now, KEYS[10], KEYS[11])
if refusal then return refusal end

local quantity, limit = tonumber(ARGV[12]), tonumber(ARGV[5])
local held, liveHolds = liveUserSeats(KEYS[5], KEYS[4], ARGV[3], now)
if held + quantity > limit then return { -2, held, limit } end

-- Rows are read a page at a time: early in a sale the first page almost always has a block.
local PAGE = 32
local first = 0
while true do
  local rowIds = redis.call('LRANGE', KEYS[9], first, first + PAGE - 1)
  if #rowIds == 0 then return { -8 } end
  for _, rowId in ipairs(rowIds) do
    local seatIds, takenOver = bestWindow(redis.call('HGET', KEYS[8], rowId), quantity, ARGV[13],
      KEYS[2], now)
    if seatIds then
      local version, expiresAt = commitHold(KEYS, ARGV, seatIds, liveHolds, now, takenOver)
      return { version, expiresAt, unpack(seatIds) }
    end
  end
  first = first + PAGE
end

--[[
  Puts back a window's fans and passes from their Postgres copy after Redis lost the window
  (restore-window.ts sends them in chunks, then 'finish'). Safe to repeat and to race with a second
  restorer or with the admission step: a fan or pass Redis already has is left as Redis has it.

  Input:
    KEYS[1..12] window keys (waiting-room/keys.ts order)
    ARGV[1] 'fans' | 'passes' | 'finish'    ARGV[2] now (ms; '' for Redis time)
    fans:   ARGV[3..] userId, joinedAt, order, ... (order 0: pre-queue; otherwise queue score)
    passes: ARGV[3..] userId, joinedAt, order, admittedAt, expiresAt, jti, used ('1'/'0'), ...
    finish: ARGV[3] highest arrival number restored   ARGV[4] highest pass id restored
            ARGV[5] passes restored   ARGV[6] revealed lottery seed or ''
            ARGV[7] lottery commitment or ''   ARGV[8] '1' when the window has started
            ARGV[9] latest pre-queue join restored (ms) or ''

  Output:
    { restored } for fans and passes (entries written now)    { 1 } for finish
    { -1 } unknown mode
]]
--- @include "window-common"

local mode = ARGV[1]
local now = clock(ARGV[2])

local function raise(field, value)
  if num(redis.call('HGET', K_CONFIG, field), 0) < value then
    redis.call('HSET', K_CONFIG, field, int(value))
  end
end

if mode == 'fans' then
  local restored = 0
  for i = 3, #ARGV, 3 do
    local userId, joinedAt, order = ARGV[i], tonumber(ARGV[i + 1]), tonumber(ARGV[i + 2])
    if redis.call('HEXISTS', K_FANS, userId) == 0 then
      redis.call('HSET', K_FANS, userId, int(joinedAt) .. '|' .. int(order))
      if order == 0 then
        redis.call('ZADD', K_PREQUEUE, joinedAt, userId)
      else
        redis.call('ZADD', K_QUEUE, order, userId)
      end
      -- Last-seen went with Redis: every restored fan gets a full grace to poll again before
      -- the head of the queue would skip them as away.
      redis.call('HSETNX', K_SEEN, userId, int(now))
      restored = restored + 1
    end
  end
  return { restored }
end

if mode == 'passes' then
  local restored = 0
  for i = 3, #ARGV, 7 do
    local userId = ARGV[i]
    if redis.call('HEXISTS', K_ADMITTED, userId) == 0 then
      local expiresAt = tonumber(ARGV[i + 4])
      local state = 'a'
      if ARGV[i + 6] == '1' then
        state = 'c'
      elseif expiresAt <= now then
        state = 'x'
      end
      redis.call('HSET', K_ADMITTED, userId,
        ARGV[i + 3] .. '|' .. ARGV[i + 4] .. '|' .. ARGV[i + 5] .. '|' .. state)
      redis.call('HSETNX', K_FANS, userId, ARGV[i + 1] .. '|' .. ARGV[i + 2])
      redis.call('ZREM', K_QUEUE, userId)
      redis.call('ZREM', K_PREQUEUE, userId)
      -- Still shopping: counts against the cap (CAP mode) and the inventory until it ends.
      if state == 'a' then redis.call('ZADD', K_ACTIVE, expiresAt, userId) end
      restored = restored + 1
    end
  end
  return { restored }
end

if mode == 'finish' then
  local seq, jti, passes = tonumber(ARGV[3]), tonumber(ARGV[4]), tonumber(ARGV[5])
  -- New arrivals queue behind everyone restored; new passes never reuse a restored pass id.
  raise('seq', seq)
  raise('jtiSeq', jti)
  raise('admittedTotal', passes)
  raise('mirroredSeq', seq)
  raise('mirroredJti', jti)
  if ARGV[9] ~= '' then raise('mirroredPreMs', tonumber(ARGV[9])) end
  if ARGV[6] ~= '' then
    redis.call('HSETNX', K_CONFIG, 'seed', ARGV[6])
    redis.call('HSET', K_CONFIG, 'seedRevealed', '1')
  end
  if ARGV[7] ~= '' then redis.call('HSETNX', K_CONFIG, 'commitment', ARGV[7]) end
  -- Started, and no pre-queue fan waits for a place: the lottery is over (run again otherwise,
  -- with the same revealed seed, so the restored pre-queue keeps its drawn order).
  if ARGV[8] == '1' and redis.call('HGET', K_CONFIG, 'lotteryDone') ~= '1'
    and redis.call('ZCARD', K_PREQUEUE) == 0 then
    local total = num(redis.call('HGET', K_CONFIG, 'admittedTotal'), 0)
    -- Admissions restart at the configured pace from now: no burst for the time Redis was gone.
    redis.call('HSET', K_CONFIG, 'sealed', '1', 'lotteryDone', '1', 'paceBaseMs', int(now),
      'paceBaseCount', int(total))
  end
  redis.call('HSET', K_CONFIG, 'restored', '1')
  return { 1 }
end

return { -1 }

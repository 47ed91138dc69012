--[[
  Puts pre-queue fans in the queue in lottery order (a chunk at a time), then finishes the
  lottery: reveals the seed and lets admission start. Re-running with the same seed places the
  same fans at the same ranks, so a crashed run can simply be repeated.

  Input:
    KEYS[1..12] window keys (waiting-room/keys.ts order)
    ARGV[1] 'place' or 'finish'    ARGV[2] now (ms; '' for Redis time)
    place:  ARGV[3..] rank, userId, rank, userId, ... (ranks 1..N, all below LATE_BASE)

  Output:
    { placed }  for place (fans newly put in the queue)
    { 1 } for finish, { 0 } when it was already finished    { -1 } unknown window
]]
--- @include "window-common"

local now = clock(ARGV[2])
local c = redis.call('HMGET', K_CONFIG, 'status', 'lotteryDone', 'admittedTotal')
if not c[1] then return { -1 } end

if ARGV[1] == 'finish' then
  if c[2] == '1' then return { 0 } end
  redis.call('HSET', K_CONFIG, 'lotteryDone', '1', 'seedRevealed', '1', 'openedAt', int(now),
    'paceBaseMs', int(now), 'paceBaseCount', int(num(c[3], 0)))
  return { 1 }
end

if c[2] == '1' then return { 0 } end
local placed = 0
for i = 3, #ARGV, 2 do
  local rank, userId = tonumber(ARGV[i]), ARGV[i + 1]
  local fan = fanRecord(userId)
  if fan and fan.order == 0 and rank < LATE_BASE then
    redis.call('ZADD', K_QUEUE, rank, userId)
    redis.call('HSET', K_FANS, userId, int(fan.joinedAt) .. '|' .. int(rank))
    placed = placed + 1
  end
end
return { placed }

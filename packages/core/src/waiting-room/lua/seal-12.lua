--[[
  Closes the pre-queue at the start: from now on every join goes to the back of the queue, so the
  lottery's input is fixed. Idempotent.

  Input:
    KEYS[1..12] window keys (waiting-room/keys.ts order)
    ARGV[1] now (ms; '' for Redis time)

  Output:
    { 1, preQueueSize, seed or '', lotteryDone 0/1 }    { -1 } unknown window
    { -2 } too early (now < startsAt)
]]
--- @include "window-common"

local now = clock(ARGV[1])
local c = redis.call('HMGET', K_CONFIG, 'startsAt', 'seed', 'lotteryDone')
if not c[1] then return { -1 } end
if now < tonumber(c[1]) then return { -2 } end
redis.call('HSET', K_CONFIG, 'sealed', '1')
return { 1, redis.call('ZCARD', K_PREQUEUE), c[2] or '', c[3] == '1' and 1 or 0 }

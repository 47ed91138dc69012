--[[
  Marks a fan's live admission used (their order completed): no longer an active shopper. The
  caller then adds '<windowId>:<jti>' to the event's consumed set, which the hold scripts refuse.

  Input:
    KEYS[1..12] window keys (waiting-room/keys.ts order)
    ARGV[1] user id

  Output:
    { 1, jti } consumed now     { 0, jti } already consumed     { -1 } no admission
    { -2 } the session had already expired
]]
--- @include "window-common"

local userId = ARGV[1]
local a = admission(userId)
if not a then return { -1 } end
if a.state == 'c' then return { 0, a.jti } end
if a.state == 'x' then return { -2 } end
a.state = 'c'
setAdmission(userId, a)
redis.call('ZREM', K_ACTIVE, userId)
redis.call('HINCRBY', K_STATS, 'consumed', 1)
return { 1, a.jti }

--[[
  Reads a catalog cache entry together with the catalog's current generation, in one round trip.
  A missing generation (Redis restarted or evicted it) starts at the caller's clock in ms, so it
  never equals a generation an entry still in memory was written under.

  Input:
    KEYS[1] generation   KEYS[2] entry
    ARGV[1] initial generation when none exists (milliseconds since the epoch)

  Output:
    { generation, entry or nil }   the entry is "<generation>\n<payload>"; the caller uses it only
                                   when its generation is the current one
]]
local generation = redis.call('GET', KEYS[1])
if not generation then
  redis.call('SET', KEYS[1], ARGV[1], 'NX')
  generation = redis.call('GET', KEYS[1])
end
return { generation, redis.call('GET', KEYS[2]) }

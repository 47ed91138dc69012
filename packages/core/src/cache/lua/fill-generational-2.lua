--[[
  Stores a catalog cache entry read from Postgres, only if the catalog's generation is still the
  one the reader saw before it read Postgres: a filler that raced an admin write (which bumps the
  generation after its commit) can never put the older value back.

  Input:
    KEYS[1] generation   KEYS[2] entry
    ARGV[1] generation seen before reading Postgres
    ARGV[2] entry ("<generation>\n<payload>")
    ARGV[3] time to live in milliseconds

  Output:
    1   stored
    0   refused: the generation moved on (an invalidation happened meanwhile)
]]
if redis.call('GET', KEYS[1]) ~= ARGV[1] then
  return 0
end
redis.call('SET', KEYS[2], ARGV[2], 'PX', ARGV[3])
return 1

-- Rules shared by the hold and best-available scripts. Both take the same KEYS[1..7] and ARGV[1..10].

-- Loaded event, admission token (hook for the waiting-room issue) and a fresh hold id.
local function holdRefusal(keys, argv, now)
  if not isLoaded(keys[1]) then return { -7 } end
  if argv[7] == '1' then
    -- The caller verified the token's signature; here its claims must name this user and event
    -- and still be valid by Redis time.
    local expiresAt = tonumber(argv[10])
    if argv[8] ~= argv[3] or argv[9] ~= argv[1] or not expiresAt or expiresAt <= now then
      return { -5 }
    end
  end
  if redis.call('HEXISTS', keys[4], argv[2]) == 1 then return { -11 } end
  return nil
end

-- Seats the user holds right now, and the ids of their still-live holds.
local function liveUserSeats(usersKey, holdsKey, userId, now)
  local list = redis.call('HGET', usersKey, userId)
  local count, live = 0, {}
  if not list then return count, live end
  for holdId in string.gmatch(list, '[^,]+') do
    local record = redis.call('HGET', holdsKey, holdId)
    if record then
      local hold = parseHold(record)
      if hold.status == 'h' and hold.expiresAt > now then
        count = count + #splitCsv(hold.seats)
        live[#live + 1] = holdId
      end
    end
  end
  return count, live
end

-- Writes the hold (seats, per-seat expiry, record, user list) and announces it.
local function commitHold(keys, argv, seatIds, liveHolds, now, takenOver)
  local holdId, userId = argv[2], argv[3]
  local expiresAt = now + tonumber(argv[4])
  local value = int(expiresAt) .. ':' .. holdId
  local seatArgs, expiryArgs = {}, {}
  for _, id in ipairs(seatIds) do
    seatArgs[#seatArgs + 1] = id
    seatArgs[#seatArgs + 1] = value
    expiryArgs[#expiryArgs + 1] = expiresAt
    expiryArgs[#expiryArgs + 1] = id
  end
  redis.call('HSET', keys[2], unpack(seatArgs))
  redis.call('ZADD', keys[3], unpack(expiryArgs))
  local csv = table.concat(seatIds, ',')
  redis.call('HSET', keys[4], holdId, formatHold({ status = 'h', expiresAt = expiresAt,
    extended = '0', createdAt = now, userId = userId, seats = csv }))
  liveHolds[#liveHolds + 1] = holdId
  redis.call('HSET', keys[5], userId, table.concat(liveHolds, ','))
  local version = appendChange(keys[1], keys[7], argv[6], 'hold', { 'hold', holdId,
    'user', userId, 'seats', csv, 'exp', int(expiresAt), 'taken', table.concat(takenOver, ',') })
  return version, expiresAt
end

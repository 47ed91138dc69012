-- Rules shared by the hold and best-available scripts. Both take the same KEYS[1..7] (plus the
-- event's gate and consumed keys) and ARGV[1..11].

-- Waiting-room admission, decided here from Redis state and Redis time alone (no flag from the
-- caller), so there is no gap at the moment a window opens. The gate hash names each waiting-room
-- window of the event not yet ended: 'w:<windowId>' -> 'startsAt|endsAt|status'. While `now` lies
-- inside one, the caller must pass the claims of a token it verified by signature, and they must
-- name a window in force, this user and event, not be expired, and not be consumed.
-- Returns nil (allowed) or a reason: 1 no token, 2 other window, 3 other user, 4 other event,
-- 5 expired, 6 already used.
local function admissionRefusal(gateKey, consumedKey, argv, now)
  local gate = redis.call('HGETALL', gateKey)
  local inForce, any = {}, false
  for i = 1, #gate, 2 do
    local startsAt, endsAt, status = string.match(gate[i + 1], '^(%d+)|(%d+)|(%u+)$')
    if startsAt and now >= tonumber(startsAt) and now < tonumber(endsAt)
      and status ~= 'ENDED' and status ~= 'CANCELLED' then
      inForce[string.sub(gate[i], 3)] = true
      any = true
    end
  end
  if not any then return nil end
  if argv[7] == '' then return 1 end
  if not inForce[argv[7]] then return 2 end
  if argv[8] ~= argv[3] then return 3 end
  if argv[9] ~= argv[1] then return 4 end
  local expiresAt = tonumber(argv[10])
  if not expiresAt or expiresAt <= now then return 5 end
  if redis.call('SISMEMBER', consumedKey, argv[7] .. ':' .. argv[11]) == 1 then return 6 end
  return nil
end

-- Loaded event, admission and a fresh hold id.
local function holdRefusal(keys, argv, now, gateKey, consumedKey)
  if not isLoaded(keys[1]) then return { -7 } end
  local reason = admissionRefusal(gateKey, consumedKey, argv, now)
  if reason then return { -5, reason } end
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

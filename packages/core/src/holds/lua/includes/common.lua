-- Helpers shared by every seat-state script, inlined where a script includes "common".

-- Redis's own clock, so every replica and client agrees on when a seat expires.
local function nowMs()
  local t = redis.call('TIME')
  return tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
end

local function int(n)
  return string.format('%d', n)
end

-- Seat value: '0' available, 's' sold, '<expiresAtMs>:<holdId>' held (free once expired).
local function seatFree(value, now)
  if value == '0' then return true end
  if not value or value == 's' then return false end
  local sep = string.find(value, ':', 1, true)
  return tonumber(string.sub(value, 1, sep - 1)) <= now
end

local function seatHolder(value)
  if not value or value == '0' or value == 's' then return nil end
  local sep = string.find(value, ':', 1, true)
  return string.sub(value, sep + 1)
end

local function splitCsv(csv)
  local out = {}
  for item in string.gmatch(csv, '[^,]+') do out[#out + 1] = item end
  return out
end

-- Hold record: status|expiresAtMs|extended|createdAtMs|userId|seatCsv (status h, s or x).
local function parseHold(record)
  local status, expiresAt, extended, createdAt, userId, seats =
    string.match(record, '^(%a)|(%d+)|(%d)|(%d+)|([^|]*)|(.*)$')
  return { status = status, expiresAt = tonumber(expiresAt), extended = extended,
    createdAt = tonumber(createdAt), userId = userId, seats = seats }
end

local function formatHold(h)
  return h.status .. '|' .. int(h.expiresAt) .. '|' .. h.extended .. '|' .. int(h.createdAt) ..
    '|' .. h.userId .. '|' .. h.seats
end

local function isLoaded(metaKey)
  return redis.call('HGET', metaKey, 'loaded') == '1'
end

-- Removes one hold id from the user's list (the per-user limit only counts live holds).
local function dropUserHold(usersKey, userId, holdId)
  local list = redis.call('HGET', usersKey, userId)
  if not list then return end
  local kept = {}
  for id in string.gmatch(list, '[^,]+') do
    if id ~= holdId then kept[#kept + 1] = id end
  end
  if #kept == 0 then redis.call('HDEL', usersKey, userId)
  else redis.call('HSET', usersKey, userId, table.concat(kept, ',')) end
end

-- Bumps the event version and appends the change under it: one entry per successful change.
local function appendChange(metaKey, streamKey, maxLen, kind, fields)
  local version = redis.call('HINCRBY', metaKey, 'version', 1)
  redis.call('XADD', streamKey, 'MAXLEN', '~', maxLen, '*', 'v', version, 'type', kind,
    unpack(fields))
  return version
end

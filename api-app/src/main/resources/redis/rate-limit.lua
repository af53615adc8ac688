-- The rate limit (GCRA) and the daily quota in one step: a request is counted in both or in neither.
-- KEYS[1]: the key's GCRA state, its theoretical arrival time in microseconds.
-- KEYS[2]: the prefix of the key's usage hashes; the script appends the UTC day (days since 1970-01-01) by Redis's
--   clock, so that every instance counts a request in the same day. Fields: requests, tokens, requests:<route>,
--   tokens:<route> (tokens are added after the model answers, not here).
-- KEYS[3]: the key's revocation mark, set by the instance that revoked it before it answered: a revoked key is
--   refused here on every instance at once, whatever its cache still holds.
-- ARGV[1]: the emission interval (microseconds between two requests at the steady rate), ARGV[2]: the minute budget,
-- ARGV[3]: requests per day, ARGV[4]: tokens per day, ARGV[5]: the request's route, ARGV[6]: the hash's lifetime (s).
-- Returns {verdict, remaining, retry-after us, reset us, day, requests today, tokens today, us to the next day};
-- verdict 1: allowed, 0: over the rate limit, 2: over the requests per day, 3: over the tokens per day, 4: revoked.
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
local day_us = 86400000000
local day = math.floor(now / day_us)
local to_next_day = (day + 1) * day_us - now
local usage = KEYS[2] .. day
local requests = tonumber(redis.call('HGET', usage, 'requests') or 0)
local tokens = tonumber(redis.call('HGET', usage, 'tokens') or 0)
if redis.call('EXISTS', KEYS[3]) == 1 then
  return {4, 0, 0, 0, day, requests, tokens, to_next_day}
end

local interval = tonumber(ARGV[1])
local tolerance = interval * tonumber(ARGV[2])
local tat = tonumber(redis.call('GET', KEYS[1]) or now)
if tat < now then tat = now end
local next_tat = tat + interval
local allow_at = next_tat - tolerance

if requests >= tonumber(ARGV[3]) then
  return {2, 0, to_next_day, tat - now, day, requests, tokens, to_next_day}
end
if tokens >= tonumber(ARGV[4]) then
  return {3, 0, to_next_day, tat - now, day, requests, tokens, to_next_day}
end
if now < allow_at then
  return {0, 0, allow_at - now, tat - now, day, requests, tokens, to_next_day}
end
redis.call('SET', KEYS[1], string.format('%d', next_tat), 'PX', math.ceil((next_tat - now) / 1000))
requests = redis.call('HINCRBY', usage, 'requests', 1)
redis.call('HINCRBY', usage, 'requests:' .. ARGV[5], 1)
redis.call('EXPIRE', usage, tonumber(ARGV[6]))
return {1, math.floor((now - allow_at) / interval), 0, next_tat - now, day, requests, tokens, to_next_day}

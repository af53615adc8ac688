-- GCRA. KEYS[1]: the key's state, its theoretical arrival time in microseconds. ARGV[1]: the emission interval
-- (microseconds between two requests at the steady rate), ARGV[2]: the budget.
-- Returns {allowed, remaining, retry-after us, reset us}.
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
local interval = tonumber(ARGV[1])
local tolerance = interval * tonumber(ARGV[2])
local tat = tonumber(redis.call('GET', KEYS[1]) or now)
if tat < now then tat = now end
local next_tat = tat + interval
local allow_at = next_tat - tolerance
if now < allow_at then
  return {0, 0, allow_at - now, tat - now}
end
redis.call('SET', KEYS[1], string.format('%d', next_tat), 'PX', math.ceil((next_tat - now) / 1000))
return {1, math.floor((now - allow_at) / interval), 0, next_tat - now}

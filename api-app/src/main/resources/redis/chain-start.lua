-- Decides whether a delivery runs; its attempt number is the stream's own delivery count.
-- KEYS[1] the chain, KEYS[2] the stream; ARGV: group, entry id, task, worker, now (ms), most attempts.
if redis.call('HGET', KEYS[1], 'status') ~= 'running' then return {'skip'} end
local task = 'task:' .. ARGV[3] .. ':'
if redis.call('HGET', KEYS[1], task .. 'status') == 'succeeded' then return {'skip'} end
local pending = redis.call('XPENDING', KEYS[2], ARGV[1], ARGV[2], ARGV[2], 1)
local attempt = 1
if pending[1] then attempt = tonumber(pending[1][4]) end
if attempt > tonumber(ARGV[6]) then
  local last = redis.call('HGET', KEYS[1], task .. 'error') or 'its worker stopped before finishing it'
  local reason = 'task ' .. ARGV[3] .. ' failed after ' .. (attempt - 1) .. ' attempt(s): ' .. last
  redis.call('HSET', KEYS[1], task .. 'status', 'failed', 'status', 'failed', 'reason', reason,
    'finished', ARGV[5])
  return {'exhausted', reason}
end
redis.call('HSET', KEYS[1], task .. 'status', 'running', task .. 'attempts', attempt,
  task .. 'worker', ARGV[4], task .. 'started', ARGV[5])
return {'run', redis.call('HGET', KEYS[1], 'owner'), redis.call('HGET', KEYS[1], 'spec'), attempt}

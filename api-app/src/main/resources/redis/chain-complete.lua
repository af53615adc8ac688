-- Records a task's output in the context, queues each dependent whose dependencies are now all done
-- (ARGV[8..]: "dependent dependency dependency ..."), finishes the chain after its last task, removes the delivery.
-- KEYS[1] the chain, KEYS[2] its context, KEYS[3] the stream; ARGV: group, entry id, chain id, task, output,
-- now (ms), state TTL (s). Returns the tasks remaining, 0 when this finished the chain, -1 when it was done already.
local function done()
  redis.call('XACK', KEYS[3], ARGV[1], ARGV[2])
  redis.call('XDEL', KEYS[3], ARGV[2])
end
local task = 'task:' .. ARGV[4] .. ':'
if redis.call('HGET', KEYS[1], 'status') ~= 'running'
    or redis.call('HGET', KEYS[1], task .. 'status') == 'succeeded' then
  done()
  return -1
end
redis.call('HSET', KEYS[2], ARGV[4], ARGV[5])
redis.call('EXPIRE', KEYS[2], ARGV[7])
redis.call('HSET', KEYS[1], task .. 'status', 'succeeded', task .. 'finished', ARGV[6])
redis.call('HDEL', KEYS[1], task .. 'error')
local remaining = redis.call('HINCRBY', KEYS[1], 'remaining', -1)
for i = 8, #ARGV do
  local dependent = nil
  local ready = true
  for id in string.gmatch(ARGV[i], '%S+') do
    if dependent == nil then
      dependent = id
    elseif redis.call('HGET', KEYS[1], 'task:' .. id .. ':status') ~= 'succeeded' then
      ready = false
    end
  end
  if ready and redis.call('HGET', KEYS[1], 'task:' .. dependent .. ':status') == 'waiting' then
    redis.call('HSET', KEYS[1], 'task:' .. dependent .. ':status', 'queued')
    redis.call('XADD', KEYS[3], '*', 'chain', ARGV[3], 'task', dependent)
  end
end
if remaining == 0 then
  redis.call('HSET', KEYS[1], 'status', 'succeeded', 'finished', ARGV[6])
end
redis.call('EXPIRE', KEYS[1], ARGV[7])
done()
return remaining

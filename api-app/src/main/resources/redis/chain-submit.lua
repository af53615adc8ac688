-- A new chain: its hash (ARGV[4..3+n], expiring after ARGV[1] seconds) and its root tasks on the stream.
-- KEYS[1] the chain, KEYS[2] the task stream; ARGV[2] the chain id, ARGV[3] n, ARGV[4+n..] the roots.
local n = tonumber(ARGV[3])
redis.call('HSET', KEYS[1], unpack(ARGV, 4, 3 + n))
redis.call('EXPIRE', KEYS[1], ARGV[1])
for i = 4 + n, #ARGV do
  redis.call('XADD', KEYS[2], '*', 'chain', ARGV[2], 'task', ARGV[i])
end
return 1

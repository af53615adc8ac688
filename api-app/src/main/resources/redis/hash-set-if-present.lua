-- HSET only on a hash that exists: a write to an expired hash would create it again without a TTL.
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
redis.call('HSET', KEYS[1], unpack(ARGV))
return 1

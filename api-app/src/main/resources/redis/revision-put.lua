-- SET KEYS[1] to ARGV[1] .. '\n' .. ARGV[2] for ARGV[3] ms, unless it holds revision ARGV[1] or a newer one (the
-- number before its first newline): a reader that filled the cache just before a change must not put back what the
-- change replaced.
local current = redis.call('GET', KEYS[1])
if current then
  local stored = tonumber(string.match(current, '^(%d+)\n'))
  if stored and stored >= tonumber(ARGV[1]) then return 0 end
end
redis.call('SET', KEYS[1], ARGV[1] .. '\n' .. ARGV[2], 'PX', ARGV[3])
return 1
